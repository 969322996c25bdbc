using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// Where one of ChurnWatch's HTTP listeners (<c>/healthz</c>, the dashboard) listens and who may call it: loopback
/// unless <see cref="Address"/> says otherwise, and then only with HTTP Basic credentials.
/// </summary>
internal abstract class ListenerOptions
{
    /// <summary>Shortest accepted password when the listener is reachable beyond loopback.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>IP address to listen on. Default <c>127.0.0.1</c>; any other address requires <see cref="Username"/> and <see cref="Password"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>HTTP Basic user name, required when <see cref="Address"/> is not loopback. Default empty.</summary>
    public string? Username { get; set; }

    /// <summary>HTTP Basic password (at least 12 characters), required when <see cref="Address"/> is not loopback. Never logged or shown. Default empty.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Host names or addresses, without scheme or port, that clients may name in the <c>Host</c> header besides the
    /// loopback ones (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>), which are always accepted: for example
    /// <c>churnwatch.example.com</c> or <c>10.0.0.5</c> when <see cref="Address"/> is not loopback. A request naming any
    /// other host is answered 400, so a web page cannot reach the listener through DNS rebinding. <c>*</c> accepts every
    /// host (only behind a proxy that checks it). Default empty: the loopback names only.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Whether clients must send credentials: always when any are configured, and whenever the address is not loopback.</summary>
    public bool RequiresCredentials => !IsLoopback || !string.IsNullOrEmpty(Password);

    public bool IsLoopback => IPAddress.TryParse(Address, out var ip) && IPAddress.IsLoopback(ip);

    /// <summary>The address is an IP address, and credentials are set when it is not loopback and <paramref name="serves"/>.</summary>
    /// <param name="section">The configuration section, for the message (<c>Dashboard</c>).</param>
    /// <param name="serves">Whether the listener will listen at all with these settings.</param>
    protected IEnumerable<ValidationResult> ValidateListener(string section, bool serves)
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return new ValidationResult("Not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface).", [nameof(Address)]);
        }
        else if (serves && !IsLoopback && (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) || Password.Length < MinimumPasswordLength))
        {
            yield return new ValidationResult(
                $"Listening beyond loopback requires {section}:Username and a {section}:Password of at least {MinimumPasswordLength} characters.", [nameof(Password)]);
        }

        foreach (var host in AllowedHosts.Where(h => h != "*" && Uri.CheckHostName(h.Trim('[', ']')) == UriHostNameType.Unknown))
        {
            yield return new ValidationResult(
                $"'{host}' is not a host name or address; give names such as churnwatch.example.com or 10.0.0.5, without scheme, port or path.", [nameof(AllowedHosts)]);
        }
    }
}
