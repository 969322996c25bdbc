namespace ChurnWatch.Analytics.Signals;

/// <summary>A condition found on an account as of a date, with the numbers that triggered it in words.</summary>
public sealed record AccountSignal(
    string AccountId,
    SignalKind Kind,
    SignalSeverity Severity,
    DateOnly AsOf,
    string Evidence);
