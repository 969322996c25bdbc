namespace ChurnWatch.Worker.Dashboard;

/// <summary>One account as the accounts list shows it: the newest score, live signals and the current contract.</summary>
/// <param name="Arr">Annual recurring revenue of the subscriptions active now (MRR x 12).</param>
/// <param name="Churn">Churn probability of the newest scoring; null when the account was not scored (inactive).</param>
/// <param name="Band">Risk band of the newest scoring (Low, Medium, High, Critical); null when not scored.</param>
/// <param name="Renewal">The next renewal date of an active subscription; null without a contract renewal.</param>
/// <param name="SignalKinds">Kinds of its live signals (enum names).</param>
public sealed record AccountSummary(
    string AccountId,
    string Name,
    string Owner,
    string Segment,
    double Arr,
    double? Churn,
    string? Band,
    DateOnly? Renewal,
    IReadOnlyList<string> SignalKinds)
{
    /// <summary>Risk x ARR: the ARR the churn probability puts at risk, the default order of the list.</summary>
    public double ArrAtRisk => Arr * (Churn ?? 0);
}
