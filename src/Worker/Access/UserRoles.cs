namespace ChurnWatch.Worker.Access;

/// <summary>The roles a local user can have, as they are stored and typed on the command line.</summary>
internal static class UserRoles
{
    public const string AccountManager = "account_manager";
    public const string TeamLead = "team_lead";
    public const string Finance = "finance";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [AccountManager, TeamLead, Finance, Admin];

    /// <summary>The role as stored (lower case), or null when <paramref name="text"/> names none.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase));
}
