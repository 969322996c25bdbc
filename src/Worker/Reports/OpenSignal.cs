using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Worker.Reports;

/// <summary>A signal that is open (not acknowledged or snoozed) on an account, as the report lists it.</summary>
/// <param name="Kind">What the signal says.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Evidence">The numbers that triggered it, in words.</param>
/// <param name="IsNew">First seen this week: the report counts new signals apart, because those are what changed.</param>
public sealed record OpenSignal(SignalKind Kind, SignalSeverity Severity, string Evidence, bool IsNew = false);
