namespace ChurnWatch.Worker.Store;

/// <summary>What one signal run did to the store: opened, updated (seen again) and resolved signals.</summary>
internal sealed record SignalChanges(int Opened, int Updated, int Resolved);
