namespace ChurnWatch.Analytics.Signals.Evaluation;

/// <summary>One line of the lift table: how often a kind's signals were followed by the outcome it predicts.</summary>
/// <param name="Kind">The signal kind.</param>
/// <param name="Outcome">"churn" for risk kinds, "expansion" for upsell kinds.</param>
/// <param name="Opened">Signals the kind opened over the replayed dates (an account flagged again the next week is the same signal).</param>
/// <param name="Accounts">Distinct accounts among them.</param>
/// <param name="FollowedByOutcome">Opened signals whose account churned (or expanded) within the horizon after the date.</param>
/// <param name="BaseRate">Share of all active account-dates followed by the outcome within the horizon.</param>
public sealed record SignalLift(SignalKind Kind, string Outcome, int Opened, int Accounts, int FollowedByOutcome, double BaseRate)
{
    /// <summary>Share of opened signals followed by the outcome; NaN when none opened.</summary>
    public double Rate => Opened == 0 ? double.NaN : (double)FollowedByOutcome / Opened;

    /// <summary><see cref="Rate"/> / <see cref="BaseRate"/>: above 1, the signal points at the outcome more often than chance.</summary>
    public double Lift => BaseRate > 0 ? Rate / BaseRate : double.NaN;
}
