using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// The HTTP Basic check of everything ChurnWatch serves off loopback (<c>/healthz</c>, the dashboard): one place, so
/// both compare the same way, in constant time (a byte-by-byte early exit would leak how much of a guess was right).
/// </summary>
internal static class BasicCredentials
{
    /// <summary>True when the request carries exactly <paramref name="username"/>:<paramref name="password"/>.</summary>
    public static bool Match(HttpRequest request, string? username, string? password)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(password) || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Given(header) is { } given && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes($"{username}:{password}"));
    }

    /// <summary>
    /// The user name a request's Basic credentials carry (what comes before the first colon, at most 100 characters),
    /// never the password; empty when there is none or it cannot be read.
    /// </summary>
    public static string UserName(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || Given(header) is not { } given)
        {
            return "";
        }

        var decoded = Encoding.UTF8.GetString(given);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? "" : decoded[..colon];
        return name.Length > 100 ? name[..100] : name;
    }

    private static byte[]? Given(string header)
    {
        try
        {
            return Convert.FromBase64String(header["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
