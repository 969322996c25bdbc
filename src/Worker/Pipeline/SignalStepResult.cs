using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The signals found this run, what they changed in the store, and the activity they were found in (reports chart it).</summary>
internal sealed record SignalStepResult(IReadOnlyList<AccountSignal> Found, SignalChanges Changes, IReadOnlyList<AccountActivity> Activity);
