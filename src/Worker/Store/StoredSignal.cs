namespace ChurnWatch.Worker.Store;

/// <summary>A signal as the store keeps it, with its lifecycle state.</summary>
/// <param name="State">open, acknowledged, snoozed or resolved (<see cref="SignalStates"/>).</param>
/// <param name="SnoozedUntil">The date a snooze ends (the signal is back in the report from that date).</param>
/// <param name="StateReason">Why it was acknowledged, snoozed or reopened.</param>
/// <param name="StateBy">Who acknowledged or snoozed it.</param>
/// <param name="ResolvedAt">The date its condition no longer held.</param>
/// <param name="StateSeverity">The severity when it was acknowledged or snoozed: a rise above it brings the signal back.</param>
/// <param name="ReportedOn">The run date it first entered a report; null while the weekly cap holds it back.</param>
public sealed record StoredSignal(
    long SignalId,
    string AccountId,
    string OwnerEmail,
    string Kind,
    string Severity,
    string Evidence,
    double ArrAtStake,
    string FirstSeen,
    string LastSeen,
    string State,
    string? SnoozedUntil,
    string? StateReason,
    string? StateBy,
    string? ResolvedAt,
    string? ReportedOn,
    string? StateSeverity)
{
    /// <summary>Whether the weekly report lists it: open and past the weekly cap.</summary>
    public bool InReport => State == SignalStates.Open && ReportedOn is not null;
}
