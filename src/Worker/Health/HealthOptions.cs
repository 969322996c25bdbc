using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ChurnWatch.Worker.Health;

/// <summary>
/// The <c>/healthz</c> endpoint of <c>churnwatch run</c> (section <c>Health</c>). It listens on loopback only unless
/// <see cref="Address"/> says otherwise, and then requires HTTP Basic credentials.
/// </summary>
internal sealed class HealthOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Health";

    /// <summary>Whether <c>churnwatch run</c> serves <c>/healthz</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>IP address to listen on. Default <c>127.0.0.1</c>; any other address requires <see cref="Username"/> and <see cref="Password"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TCP port. Default 8089; 0 picks a free port (it is logged). Range 0 to 65535.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8089;

    /// <summary>HTTP Basic user name, required when <see cref="Address"/> is not loopback. Default empty.</summary>
    public string? Username { get; set; }

    /// <summary>HTTP Basic password, required when <see cref="Address"/> is not loopback. Never logged. Default empty.</summary>
    public string? Password { get; set; }

    /// <summary>Whether clients must send credentials: always when any are configured, and whenever the address is not loopback.</summary>
    public bool RequiresCredentials => !IsLoopback || !string.IsNullOrEmpty(Password);

    public bool IsLoopback => IPAddress.TryParse(Address, out var ip) && IPAddress.IsLoopback(ip);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(Address, out _))
        {
            yield return new ValidationResult("Not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface).", [nameof(Address)]);
        }
        else if (Enabled && !IsLoopback && (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) || Password.Length < 12))
        {
            yield return new ValidationResult(
                "Listening beyond loopback requires Health:Username and a Health:Password of at least 12 characters.", [nameof(Password)]);
        }
    }
}
