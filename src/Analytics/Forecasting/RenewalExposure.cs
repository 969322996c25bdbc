namespace ChurnWatch.Analytics.Forecasting;

/// <summary>A contract coming up for renewal: when, how much, and how likely it renews.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="RenewalDate">The contractual renewal date.</param>
/// <param name="Arr">Annual recurring revenue at stake (12 x MRR).</param>
/// <param name="RenewalProbability">Calibrated probability that the contract renews, 0 to 1.</param>
/// <param name="Segment">The account's segment, for forecasts by segment; null when not needed.</param>
public sealed record RenewalExposure(string AccountId, DateOnly RenewalDate, decimal Arr, double RenewalProbability, string? Segment = null);
