namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// The churn decision at a contract boundary: a risk score from what is observable before the boundary, turned into a
/// probability of leaving.
/// </summary>
/// <remarks>
/// risk = <see cref="DropWeight"/> x drop + <see cref="LowUsageWeight"/> x low usage + <see cref="StuckTicketWeight"/> x
/// stuck tickets + the weights of payment trouble, poor onboarding and unhappy CSAT when they apply. An annual contract
/// leaves with min(<see cref="AnnualMax"/>, <see cref="AnnualBase"/> + <see cref="AnnualRiskSlope"/> x risk (+
/// <see cref="AnnualNoAutoRenewExtra"/>)); a monthly one with min(<see cref="MonthlyMax"/>, <see cref="MonthlyBase"/> +
/// <see cref="MonthlyRiskSlope"/> x risk^<see cref="MonthlyRiskExponent"/>).
/// </remarks>
public sealed record ChurnTunables
{
    /// <summary>Weeks before the boundary averaged as the recent usage level (weeks, besides the boundary week).</summary>
    public int RecentWeeks { get; init; } = 3;

    /// <summary>Earlier four-week windows searched for the account's recent best (windows).</summary>
    public int PeakWindows { get; init; } = 5;

    /// <summary>Step between those windows (weeks).</summary>
    public int PeakWindowStepWeeks { get; init; } = 4;

    /// <summary>Fall from the recent best that is only wobble, not a drop (share of the best).</summary>
    public double DropTolerance { get; init; } = 0.15;

    /// <summary>Smallest recent best a drop is measured against (health), so tiny levels do not blow it up.</summary>
    public double DropMinPeak { get; init; } = 0.05;

    /// <summary>Health below which usage counts as low, in proportion to the shortfall (health).</summary>
    public double LowUsageLevel { get; init; } = 0.45;

    /// <summary>Age from which an open high or urgent ticket counts as stuck at the boundary (days).</summary>
    public int StuckTicketAgeDays { get; init; } = 14;

    /// <summary>Most stuck tickets counted (tickets).</summary>
    public int StuckTicketsMax { get; init; } = 2;

    /// <summary>Days before the boundary in which a failed card payment counts as payment trouble (days).</summary>
    public int FailedPaymentLookbackDays { get; init; } = 60;

    /// <summary>Days overdue from which an unpaid invoice counts as payment trouble (days).</summary>
    public int OverdueDays { get; init; } = 30;

    /// <summary>Days before the boundary whose CSAT ratings count (days).</summary>
    public int CsatLookbackDays { get; init; } = 90;

    /// <summary>Fewest ratings for the customer to count as unhappy (ratings).</summary>
    public int UnhappyMinRatings { get; init; } = 2;

    /// <summary>Average CSAT at or below which the customer is unhappy (1 to 5).</summary>
    public double UnhappyAverage { get; init; } = 2.5;

    /// <summary>Weight of the usage drop in the risk score.</summary>
    public double DropWeight { get; init; } = 4.0;

    /// <summary>Weight of low usage in the risk score.</summary>
    public double LowUsageWeight { get; init; } = 1.5;

    /// <summary>Weight of each stuck ticket in the risk score.</summary>
    public double StuckTicketWeight { get; init; } = 0.7;

    /// <summary>Weight of payment trouble in the risk score.</summary>
    public double PaymentTroubleWeight { get; init; } = 1.2;

    /// <summary>Weight of a poor onboarding in the risk score.</summary>
    public double PoorOnboardingWeight { get; init; } = 0.8;

    /// <summary>Weight of unhappy CSAT in the risk score.</summary>
    public double UnhappyWeight { get; init; } = 0.4;

    /// <summary>Highest probability that an annual contract does not renew.</summary>
    public double AnnualMax { get; init; } = 0.9;

    /// <summary>Probability that a riskless annual contract does not renew.</summary>
    public double AnnualBase { get; init; } = 0.02;

    /// <summary>Added probability of not renewing an annual contract per point of risk.</summary>
    public double AnnualRiskSlope { get; init; } = 0.3;

    /// <summary>Added probability of not renewing an annual contract that does not renew automatically.</summary>
    public double AnnualNoAutoRenewExtra { get; init; } = 0.05;

    /// <summary>Highest probability that a monthly contract is cancelled at a month boundary.</summary>
    public double MonthlyMax { get; init; } = 0.6;

    /// <summary>Probability that a riskless monthly contract is cancelled at a month boundary.</summary>
    public double MonthlyBase { get; init; } = 0.002;

    /// <summary>Factor on risk^<see cref="MonthlyRiskExponent"/> added to the monthly cancellation probability.</summary>
    public double MonthlyRiskSlope { get; init; } = 0.1;

    /// <summary>Exponent of the risk in the monthly cancellation probability.</summary>
    public double MonthlyRiskExponent { get; init; } = 1.5;

    /// <summary>Days overdue after which an unpaid invoice gets the account cut off (days).</summary>
    public int NonPaymentCutOffDays { get; init; } = 45;

    /// <summary>Lowest churn probability of an account cut off for non-payment (involuntary churn).</summary>
    public double NonPaymentChurnChance { get; init; } = 0.6;

    /// <summary>Lowest churn probability at the first boundary after a budget cut.</summary>
    public double BudgetCutChurnChance { get; init; } = 0.7;

    /// <summary>Days overdue after which a leaving customer's unpaid invoice is written off rather than paid (days).</summary>
    public int WriteOffOverdueDays { get; init; } = 30;
}
