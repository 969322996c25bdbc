namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// A team of account managers and its leads (<c>Dashboard:Teams</c>): a team lead sees and changes the signals of
/// the accounts owned by the team's members, and reads their weekly reports.
/// </summary>
internal sealed class DashboardTeam
{
    /// <summary>The team's name, for messages.</summary>
    public string Name { get; set; } = "";

    /// <summary>The leads' e-mail addresses (users with the team_lead role).</summary>
    public List<string> Leads { get; set; } = [];

    /// <summary>The members' e-mail addresses, as the accounts' owners are written in the source.</summary>
    public List<string> Members { get; set; } = [];
}
