namespace ChurnWatch.Worker.Store;

/// <summary>What one signal run did to the store.</summary>
/// <param name="Opened">New signals.</param>
/// <param name="Updated">Live signals whose condition was found again.</param>
/// <param name="Resolved">Live signals whose condition no longer holds.</param>
internal sealed record SignalChanges(int Opened, int Updated, int Resolved)
{
    /// <summary>Acknowledged or snoozed signals back in the report: the snooze ended or the severity rose.</summary>
    public int Reopened { get; init; }

    /// <summary>Open signals not yet in any report because of the weekly cap per account manager.</summary>
    public int HeldBack { get; init; }
}
