namespace ChurnWatch.Analytics.History;

/// <summary>
/// One row of the source contract's <c>usage_events</c>: a user used a feature, <see cref="Quantity"/> times.
/// ChurnWatch never keeps these; the source database aggregates them into <see cref="FeatureUsageDay"/> and weekly
/// active users before they reach the store.
/// </summary>
public sealed record UsageEvent(string AccountId, string UserId, string Feature, DateTime OccurredAt, int Quantity);
