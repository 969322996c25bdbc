namespace ChurnWatch.Analytics.Signals;

/// <summary>Which kinds point at a risk (judged against churn) and which at an upsell (judged against expansion).</summary>
public static class SignalKinds
{
    /// <summary>True for seat saturation, strong growth and plan fit.</summary>
    public static bool IsUpsell(SignalKind kind) => kind is SignalKind.SeatSaturation or SignalKind.StrongGrowth or SignalKind.PlanFit;

    /// <summary>
    /// The weight of a severity in the weekly cap's ordering (severity x ARR): Info 1, Warning 2, Critical 3, so an
    /// upsell on a large account can still outrank a warning on a small one.
    /// </summary>
    public static int Weight(SignalSeverity severity) => (int)severity + 1;

    /// <summary>Parses a stored or typed kind name, ignoring case; null when it names no kind.</summary>
    public static SignalKind? Parse(string? name) =>
        // Letters only: Enum.TryParse would also take "3" or "1,2", which name no kind a user could mean.
        name is { Length: > 0 } && name.All(char.IsAsciiLetter) && Enum.TryParse<SignalKind>(name, ignoreCase: true, out var kind) ? kind : null;
}
