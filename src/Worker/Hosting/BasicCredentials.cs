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

        var expected = Encoding.UTF8.GetBytes($"{username}:{password}");
        byte[] given;
        try
        {
            given = Convert.FromBase64String(header["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
