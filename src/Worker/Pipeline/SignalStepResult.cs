using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The signals found this run and what they changed in the store.</summary>
internal sealed record SignalStepResult(IReadOnlyList<AccountSignal> Found, SignalChanges Changes);
