namespace ChurnWatch.Worker.Store;

/// <summary>A signal as the store keeps it, with its lifecycle state.</summary>
internal sealed record StoredSignal(
    long SignalId,
    string AccountId,
    string OwnerEmail,
    string Kind,
    string Severity,
    string Evidence,
    double ArrAtStake,
    string FirstSeen,
    string LastSeen,
    string State);
