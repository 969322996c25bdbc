namespace ChurnWatch.Worker.Store;

/// <summary>One step in a signal's history.</summary>
/// <param name="HappenedAt">The run's as-of date, or the instant of a command.</param>
/// <param name="Event">opened, changed, reported, acknowledged, snoozed, reopened or resolved.</param>
/// <param name="Severity">Severity after the step.</param>
/// <param name="Evidence">Evidence after the step.</param>
/// <param name="Actor">Who, for acknowledge and snooze.</param>
/// <param name="Reason">Why, for acknowledge, snooze and reopen.</param>
internal sealed record SignalEvent(long EventId, long SignalId, string HappenedAt, string Event, string Severity, string Evidence, string? Actor, string? Reason);
