using ChurnWatch.Worker.Access;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>Who asks for a dashboard page, as far as the pages and the access rule need to know.</summary>
/// <param name="User">The signed-in user's e-mail (local users) or the HTTP Basic user name; null when nobody signed in.</param>
/// <param name="MayUse">Whether the pages are open to this request.</param>
/// <param name="LocalUsers">Whether signing in goes through /signin: the store holds local users, or an identity provider is configured.</param>
/// <param name="OpenToMachine">Whether the dashboard is open to anyone on this machine: loopback, no credentials, no local users.</param>
public sealed record DashboardVisitor(string? User, bool MayUse, bool LocalUsers, bool OpenToMachine)
{
    /// <summary>Before the access rule ran (a refused form, a failed page): the frame shows no navigation.</summary>
    public static DashboardVisitor Unknown { get; } = new(null, MayUse: false, LocalUsers: false, OpenToMachine: false);

    /// <summary>
    /// The signed-in user's role (a <see cref="UserRoles"/> value); null for the operator of an install without users
    /// (loopback, or the HTTP Basic user), who sees and changes everything. What each role may: <see cref="RoleTable"/>.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>The owners (e-mails, without case) whose accounts this visitor sees; null for every account.</summary>
    public IReadOnlySet<string>? Owners { get; init; }

    /// <summary>Whether the user signed in through /signin and can sign out.</summary>
    public bool HasSession => LocalUsers && User is not null;

    /// <summary>The sign-out form's anti-forgery token, for a visitor with a session.</summary>
    public DashboardToken? Token { get; init; }

    /// <summary>Whether the accounts of <paramref name="owner"/> (and their signals and weekly report) are shown to this visitor.</summary>
    public bool Sees(string? owner) => MayUse && (Owners is null || (owner is not null && Owners.Contains(owner.Trim())));

    /// <summary>Whether this visitor may acknowledge and snooze the signals they see.</summary>
    public bool ChangesSignals => MayUse && RoleTable.ChangesSignals(Role);

    /// <summary>Whether the company-wide figures and files are shown: forecast, metrics, exports, source row counts, the model.</summary>
    public bool SeesCompany => MayUse && RoleTable.SeesCompany(Role);

    /// <summary>Whether the jobs page, Hangfire's dashboard and the audit trail are there for this visitor.</summary>
    public bool RunsJobs => MayUse && RoleTable.RunsJobs(Role);
}
