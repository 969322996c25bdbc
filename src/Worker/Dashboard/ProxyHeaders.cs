using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// ASP.NET Core's <see cref="ForwardedHeadersMiddleware"/> for <see cref="DashboardOptions.TrustedProxies"/>: a request
/// that comes from one of them gets the scheme of <c>X-Forwarded-Proto</c> and the client address of
/// <c>X-Forwarded-For</c>; from anywhere else both headers are ignored.
/// </summary>
internal sealed class ProxyHeaders
{
    private readonly IOptions<ForwardedHeadersOptions> _options;

    private ProxyHeaders(ForwardedHeadersOptions options) => _options = Options.Create(options);

    /// <summary>The rule for these proxies; null when none is configured.</summary>
    public static ProxyHeaders? For(IReadOnlyCollection<string> proxies)
    {
        if (proxies.Count == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // Only the proxies configured: the defaults trust loopback, which would let any local process claim https.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        return new ProxyHeaders(options);
    }

    /// <summary>Applies the headers (when the request comes from a trusted proxy), then <paramref name="next"/>.</summary>
    public Task Invoke(HttpContext context, RequestDelegate next) =>
        new ForwardedHeadersMiddleware(next, NullLoggerFactory.Instance, _options).Invoke(context);
}
