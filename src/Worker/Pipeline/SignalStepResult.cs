using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The signals found this run, what they changed in the store, and the key features used.</summary>
internal sealed record SignalStepResult(IReadOnlyList<AccountSignal> Found, SignalChanges Changes, IReadOnlyList<string> KeyFeatures);
