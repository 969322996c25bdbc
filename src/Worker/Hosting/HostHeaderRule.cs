using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// Which <c>Host</c> headers a ChurnWatch listener (<c>/healthz</c>, the dashboard) answers: the loopback names
/// (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>, with or without a port) and <see cref="ListenerOptions.AllowedHosts"/>.
/// Without it a web page could reach a loopback listener through DNS rebinding (its own name resolved to
/// 127.0.0.1): the browser sends that name as the Host, so refusing unknown names refuses the page.
/// </summary>
internal static class HostHeaderRule
{
    /// <summary>Whether <paramref name="host"/> names this listener: a loopback name, or one of <paramref name="allowed"/> (<c>*</c>: any).</summary>
    public static bool Accepts(HostString host, IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (!host.HasValue)
        {
            return false;
        }

        var name = Normalise(host.Host);
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return true;
        }

        return allowed.Any(a => a == "*" || string.Equals(Normalise(a), name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Answers 400 with a short plain text to every request whose Host the listener does not accept.</summary>
    /// <param name="app">The listener's app; call this before anything else is added to it.</param>
    /// <param name="settings">The listener's settings.</param>
    /// <param name="section">Its configuration section, for the message (<c>Dashboard</c>).</param>
    public static void UseHostHeaderRule(this WebApplication app, ListenerOptions settings, string section)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (!await RefusedAsync(context, settings, section).ConfigureAwait(false))
            {
                await next(context).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Answers 400 when the listener does not accept the request's Host; true when it did so.</summary>
    /// <param name="context">The request.</param>
    /// <param name="settings">The settings of the listener that took it.</param>
    /// <param name="section">Its configuration section, for the message (<c>Dashboard</c>).</param>
    public static async Task<bool> RefusedAsync(HttpContext context, ListenerOptions settings, string section)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        if (Accepts(context.Request.Host, settings.AllowedHosts))
        {
            return false;
        }

        // The Host value is not echoed: it is the attacker's text.
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "Host not allowed: this server answers to localhost, 127.0.0.1 and [::1]" +
            (settings.AllowedHosts.Count == 0 ? string.Empty : $" and to the names in {section}:AllowedHosts") +
            $", not to the host this request named. To reach it by another name, list that name in {section}:AllowedHosts.\n",
            context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    // "LocalHost." is localhost, "[::1]" is ::1.
    private static string Normalise(string host) => host.Trim().TrimEnd('.').TrimStart('[').TrimEnd(']');
}
