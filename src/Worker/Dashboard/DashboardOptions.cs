using System.ComponentModel.DataAnnotations;
using ChurnWatch.Worker.Hosting;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The dashboard served by <c>churnwatch run</c> and <c>churnwatch dashboard</c> (section <c>Dashboard</c>). It
/// listens on loopback only unless <see cref="ListenerOptions.Address"/> says otherwise, and then requires HTTP Basic
/// credentials: the pages show account names, ARR and owners, and their forms change signals and jobs.
/// </summary>
internal sealed class DashboardOptions : ListenerOptions, IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Dashboard";

    /// <summary>Whether <c>churnwatch run</c> serves the dashboard. Default true (<c>churnwatch dashboard</c> always serves it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>TCP port. Default 8090 (8089 is /healthz); 0 picks a free port (it is logged). Range 0 to 65535.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8090;

    /// <summary>
    /// Minutes a signed-in local user's session lasts without a request; each request (after half of it has passed)
    /// starts it anew. Default 30. Range 5 to 1440.
    /// </summary>
    [Range(5, 1440)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Sign-in with the company's OpenID Connect identity provider (section <c>Dashboard:OpenIdConnect</c>); off by default.</summary>
    public DashboardOpenIdConnectOptions OpenIdConnect { get; set; } = new();

    /// <inheritdoc />
    // Credentials are checked even when Enabled is false: `churnwatch dashboard` serves it regardless.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ValidateListener(Section, serves: true).Concat(OpenIdConnect.Validate());
}
