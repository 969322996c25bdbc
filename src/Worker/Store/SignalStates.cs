namespace ChurnWatch.Worker.Store;

/// <summary>The lifecycle states a stored signal can be in, as the store spells them.</summary>
internal static class SignalStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Snoozed = "snoozed";
    public const string Resolved = "resolved";

    /// <summary>Every state, in lifecycle order.</summary>
    public static readonly IReadOnlyList<string> All = [Open, Acknowledged, Snoozed, Resolved];
}
