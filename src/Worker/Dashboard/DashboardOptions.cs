using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The dashboard served by <c>churnwatch run</c> and <c>churnwatch dashboard</c> (section <c>Dashboard</c>). It
/// listens on loopback only unless <see cref="Address"/> says otherwise, and then requires HTTP Basic credentials:
/// the pages show account names, ARR and owners, and their forms change signals and jobs.
/// </summary>
internal sealed class DashboardOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Dashboard";

    /// <summary>Whether <c>churnwatch run</c> serves the dashboard. Default true (<c>churnwatch dashboard</c> always serves it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>IP address to listen on. Default <c>127.0.0.1</c>; any other address requires <see cref="Username"/> and <see cref="Password"/>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TCP port. Default 8090 (8089 is /healthz); 0 picks a free port (it is logged). Range 0 to 65535.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8090;

    /// <summary>HTTP Basic user name, required when <see cref="Address"/> is not loopback. Default empty.</summary>
    public string? Username { get; set; }

    /// <summary>HTTP Basic password (at least 12 characters), required when <see cref="Address"/> is not loopback. Never logged or shown. Default empty.</summary>
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
        else if (!IsLoopback && (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) || Password.Length < 12))
        {
            // Checked even when Enabled is false: `churnwatch dashboard` serves it regardless.
            yield return new ValidationResult(
                "Listening beyond loopback requires Dashboard:Username and a Dashboard:Password of at least 12 characters.", [nameof(Password)]);
        }
    }
}
