namespace ChurnWatch.Analytics.Forecasting;

/// <summary>An account on a plan without a renewal date (month-to-month) at a date: the recurring revenue it could stop.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Mrr">Its MRR at the date (every running subscription).</param>
/// <param name="ChurnProbability">Calibrated probability that it churns within <c>horizonDays</c> of the date.</param>
/// <param name="Segment">Its segment, when the source has one.</param>
public sealed record MonthToMonthExposure(string AccountId, decimal Mrr, double ChurnProbability, string? Segment = null);
