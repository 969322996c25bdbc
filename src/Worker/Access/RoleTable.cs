namespace ChurnWatch.Worker.Access;

/// <summary>
/// What each role sees and may change on the dashboard, in one place (the README's table). A null role is the
/// operator of an install without users: loopback without credentials, or the one HTTP Basic user, who sees and
/// changes everything as before roles existed.
/// </summary>
/// <remarks>
/// | role | sees | may change |
/// |---|---|---|
/// | account manager | own accounts, their signals, own weekly reports | own signals |
/// | team lead | the team's accounts, signals and weekly reports | the team's signals |
/// | finance | every account read-only, forecast, metrics and export files | nothing |
/// | admin | everything, jobs, /hangfire, the audit trail | jobs (and users, from the command line) |
/// Acknowledging and snoozing a signal is the owner's call (or their lead's): an admin or finance sees the signals
/// but does not put them aside for the manager.
/// </remarks>
internal static class RoleTable
{
    /// <summary>Whether the role sees every account (else only its own, or its team's).</summary>
    public static bool SeesAllAccounts(string? role) => role is null or UserRoles.Finance or UserRoles.Admin;

    /// <summary>Whether the role may acknowledge and snooze the signals it sees.</summary>
    public static bool ChangesSignals(string? role) => role is null or UserRoles.AccountManager or UserRoles.TeamLead;

    /// <summary>
    /// Whether the role sees what is about the whole company: the forecast, metrics and export files, the report index,
    /// source row counts and the churn model's figures.
    /// </summary>
    public static bool SeesCompany(string? role) => role is null or UserRoles.Finance or UserRoles.Admin;

    /// <summary>Whether the role sees the jobs, Hangfire's dashboard and the audit trail, and may trigger, pause and resume jobs.</summary>
    public static bool RunsJobs(string? role) => role is null or UserRoles.Admin;
}
