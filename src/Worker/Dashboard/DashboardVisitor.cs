namespace ChurnWatch.Worker.Dashboard;

/// <summary>Who asks for a dashboard page, as far as the pages and the access rule need to know.</summary>
/// <param name="User">The signed-in user's e-mail (local users) or the HTTP Basic user name; null when nobody signed in.</param>
/// <param name="MayUse">Whether the pages are open to this request.</param>
/// <param name="LocalUsers">Whether signing in goes through /signin: the store holds local users, or an identity provider is configured.</param>
/// <param name="MaySeeAudit">Whether the audit page is shown: admins with local users, whoever may use the dashboard without.</param>
/// <param name="OpenToMachine">Whether the dashboard is open to anyone on this machine: loopback, no credentials, no local users.</param>
public sealed record DashboardVisitor(string? User, bool MayUse, bool LocalUsers, bool MaySeeAudit, bool OpenToMachine)
{
    /// <summary>Before the access rule ran (a refused form, a failed page): the frame shows no navigation.</summary>
    public static DashboardVisitor Unknown { get; } = new(null, MayUse: false, LocalUsers: false, MaySeeAudit: false, OpenToMachine: false);

    /// <summary>Whether the user signed in through /signin and can sign out.</summary>
    public bool HasSession => LocalUsers && User is not null;

    /// <summary>The sign-out form's anti-forgery token, for a visitor with a session.</summary>
    public DashboardToken? Token { get; init; }
}
