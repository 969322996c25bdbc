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

    /// <summary>
    /// The largest feature-usage summary by account the Reports page sends, in accounts x weeks (its rows are about
    /// that x the features used); larger ones are refused with the command that writes them to a file. Memory holds
    /// one period whatever the size; the limit bounds the time and the download, sent by the worker beside its jobs.
    /// Default 500000 (the demo company's 2,000 accounts over three years are 306,000: 1,461,940 rows, 129 MB of CSV,
    /// 4.4 s and 124 MB of memory as a command). Range 1000 to 100000000.
    /// </summary>
    [Range(1000, 100_000_000)]
    public int FeatureUsageMaxAccountWeeks { get; set; } = 500_000;

    /// <summary>Sign-in with the company's OpenID Connect identity provider (section <c>Dashboard:OpenIdConnect</c>); off by default.</summary>
    public DashboardOpenIdConnectOptions OpenIdConnect { get; set; } = new();

    /// <summary>
    /// Addresses of reverse proxies in front of the dashboard (TLS terminated there) whose <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-For</c> are believed: the session cookie is then Secure, an identity provider is given the https
    /// address to return to, and the audit trail and sign-in rate limit see the client's address instead of the proxy's.
    /// Default none: those headers are ignored, as anyone could send them.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>
    /// Teams of account managers and their leads: a team lead sees the accounts, signals and weekly reports of the
    /// team's members. Default none (a team lead then sees only their own accounts).
    /// </summary>
    public List<DashboardTeam> Teams { get; set; } = [];

    /// <inheritdoc />
    // Credentials are checked even when Enabled is false: `churnwatch dashboard` serves it regardless.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in ValidateListener(Section, serves: true).Concat(OpenIdConnect.Validate()))
        {
            yield return result;
        }

        foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"{Section}:TrustedProxies: '{proxy}' is not an IP address; give the proxy's address as it connects, for example 10.0.0.5.", [nameof(TrustedProxies)]);
        }

        for (var i = 0; i < Teams.Count; i++)
        {
            var team = Teams[i];
            var key = $"{Section}:Teams:{i}";
            if (string.IsNullOrWhiteSpace(team.Name))
            {
                yield return new ValidationResult($"{key}:Name is empty; give each team a name.", [nameof(Teams)]);
            }

            if (team.Leads.Count == 0)
            {
                yield return new ValidationResult($"{key}:Leads is empty; a team needs the e-mail of at least one lead.", [nameof(Teams)]);
            }

            foreach (var email in team.Leads.Concat(team.Members).Where(e => !e.Contains('@', StringComparison.Ordinal)))
            {
                yield return new ValidationResult($"{key}: '{email}' is not an e-mail address; leads and members are given by e-mail, as accounts' owners are.", [nameof(Teams)]);
            }
        }
    }

    /// <summary>
    /// The owners whose accounts a team lead sees: their own, and those of the members of every team they lead
    /// (e-mails compared without case).
    /// </summary>
    public IReadOnlySet<string> OwnersLedBy(string email)
    {
        var owners = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { email };
        foreach (var team in Teams.Where(t => t.Leads.Contains(email, StringComparer.OrdinalIgnoreCase)))
        {
            owners.UnionWith(team.Members.Select(m => m.Trim()));
        }

        return owners;
    }
}
