using System.Diagnostics;
using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Tests.TestData;
using Xunit.Abstractions;

namespace ChurnWatch.Analytics.Tests.Modeling;

/// <summary>
/// The size target: 2,000 accounts x 24 months. Opt-in because generating the data dominates a normal test run:
/// <c>CHURNWATCH_BENCH=1 dotnet test -c Release --filter WorkflowBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public class WorkflowBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void TrainAndScore_TwoThousandAccountsTwoYears_FinishesWellUnderTwentySeconds()
    {
        if (Environment.GetEnvironmentVariable("CHURNWATCH_BENCH") != "1")
        {
            return;
        }

        var history = SyntheticCompany.Generate(accounts: 2000, days: 730, seed: 1);
        output.WriteLine($"usage days {history.UsageDays.Count:N0}, usage weeks {history.UsageWeeks.Count:N0}, tickets {history.Tickets!.Count:N0}, invoices {history.Invoices!.Count:N0}");
        var options = new ModelingOptions();
        // Generating the data leaves garbage behind; collect it so its cleanup is not billed to the workflow.
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var timeline = CompanyTimeline.Build(history);
        output.WriteLine($"timeline: {watch.ElapsedMilliseconds} ms");

        watch.Restart();
        var models = ChurnModelWorkflow.Train(timeline, options);
        output.WriteLine($"train (observations, 2 backtests, 2 final fits): {watch.ElapsedMilliseconds} ms; churn rows {models.Churn.TrainRows:N0}, renewal rows {models.Renewal?.TrainRows:N0}, features {models.Churn.FeatureNames.Count}, learner {models.Churn.Learner}");

        watch.Restart();
        var scores = ChurnModelWorkflow.Score(timeline, models, options);
        output.WriteLine($"score {scores.Count} accounts: {watch.ElapsedMilliseconds} ms");
        output.WriteLine($"total: {total.ElapsedMilliseconds} ms; churn backtest AUC {models.ChurnBacktest?.Auc:F3}");

        Assert.True(total.Elapsed < TimeSpan.FromSeconds(20));
    }
}
