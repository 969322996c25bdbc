namespace ChurnWatch.Analytics.History;

/// <summary>Usage of one feature by one account on one UTC day: the store's usage grain.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Feature">Feature name.</param>
/// <param name="Day">UTC day.</param>
/// <param name="Events">Sum of event quantities that day.</param>
/// <param name="ActiveUsers">Distinct users of the feature that day.</param>
public sealed record FeatureUsageDay(string AccountId, string Feature, DateOnly Day, long Events, int ActiveUsers);
