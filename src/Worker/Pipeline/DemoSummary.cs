using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>What one demo run did, for the closing table.</summary>
internal sealed record DemoSummary(
    bool SampleGenerated,
    DateOnly AsOf,
    DateTime DataAsOf,
    long RowsIngested,
    int AccountsScored,
    BacktestReport? ChurnBacktest,
    BacktestReport? RenewalBacktest,
    IReadOnlyDictionary<SignalKind, int> SignalsByKind,
    string OutputFolder,
    IReadOnlyList<string> FilesWritten,
    IReadOnlyList<ChurnWatch.Worker.Reports.SourceAsOf> StaleSources,
    TimeSpan Elapsed)
{
    /// <summary>The churn model: its learner, every candidate's backtest and its global importance.</summary>
    public RiskModel? ChurnModel { get; init; }
}
