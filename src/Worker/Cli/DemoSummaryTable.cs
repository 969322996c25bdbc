using System.Globalization;
using ChurnWatch.Worker.Pipeline;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>The table <c>churnwatch demo</c> ends with.</summary>
internal static class DemoSummaryTable
{
    public static void Write(IAnsiConsole console, DemoSummary summary)
    {
        var table = new Table().Title("ChurnWatch demo").AddColumn("What").AddColumn("Result");
        void Row(string what, string result) => table.AddRow(Markup.Escape(what), Markup.Escape(result));
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

        Row("Sample company", summary.SampleGenerated ? "generated" : "already there, reused");
        Row("Data as of", summary.DataAsOf.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Row("Scored as of", summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("Rows ingested", summary.RowsIngested.ToString("N0", CultureInfo.InvariantCulture));
        Row("Accounts scored", summary.AccountsScored.ToString("N0", CultureInfo.InvariantCulture));
        if (summary.ChurnBacktest is { } churn)
        {
            Row("Churn backtest", $"AUC {F(churn.Auc, "0.000")}, PR-AUC {F(churn.AveragePrecision, "0.000")}, log loss {F(churn.LogLoss, "0.000")}, Brier {F(churn.Brier, "0.000")}, top-decile lift {F(churn.TopDecileLift, "0.0")}x " +
                $"(trained to {churn.TrainTo:yyyy-MM-dd}, tested {churn.TestFrom:yyyy-MM-dd} to {churn.TestTo:yyyy-MM-dd}, {churn.TestRows:N0} rows)");
        }

        if (summary.ChurnModel is { NegativeSampleRate: < 1 } sampled)
        {
            Row("Training sample", string.Create(CultureInfo.InvariantCulture,
                $"{sampled.TrainRows:N0} rows of {sampled.LabelledRows:N0} observation rows: every churn, non-renewal and test-period row, the others at {sampled.NegativeSampleRate:P1}, weighted (Modeling:MaxTrainingRows)"));
        }

        if (summary.ChurnModel is { Candidates.Count: > 0 } model)
        {
            Row("Churn learner", $"{model.Learner}, chosen on calibrated backtest log loss: " + string.Join(", ", model.Candidates.Select(c => $"{c.Learner} {F(c.CalibratedLogLoss ?? c.LogLoss, "0.0000")} (AUC {F(c.Auc, "0.000")})")));
            Row("Top drivers", string.Join(", ", model.Importance.Take(5).Select(i => $"{i.Predictor} {F(i.MeanAbsoluteContribution, "0.00")}")) + " (mean |contribution|; churnwatch model show lists more)");
        }

        if (summary.ChurnBacktest is { CalibrationMethod: { } method, UncalibratedLogLoss: { } before, CalibratedLogLoss: { } after })
        {
            Row("Calibration", $"{method}: log loss on unseen test rows {F(before, "0.0000")} -> {F(after, "0.0000")} (cross-fitted)");
        }

        if (summary.RenewalBacktest is { } renewal)
        {
            Row("Renewal backtest", $"AUC {F(renewal.Auc, "0.000")}, Brier {F(renewal.Brier, "0.000")} ({renewal.TestRows:N0} rows)");
        }

        Row("Signals", summary.SignalsByKind.Count == 0
            ? "none"
            : string.Join(", ", summary.SignalsByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        Row("Files written", $"{summary.FilesWritten.Count} in {summary.OutputFolder}: {summary.FilesWritten.Count(f => f.EndsWith(".html", StringComparison.Ordinal))} HTML pages, {summary.FilesWritten.Count(f => f.EndsWith(".csv", StringComparison.Ordinal))} CSV files (data_freshness.csv states each source's as-of time), {summary.FilesWritten.Count(f => f.EndsWith(".email.mime", StringComparison.Ordinal))} email summaries (churnwatch reports email --dry-run --out DIR writes the messages)");
        Row("Seconds", F(summary.Elapsed.TotalSeconds, "0.0"));
        console.Write(table);
        foreach (var stale in summary.StaleSources)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Warning: {stale.Source} is stale: newest data {stale.NewestData:yyyy-MM-dd HH:mm} UTC, older than Output:StaleAfter ({stale.StaleAfter.TotalHours:0} hours).")));
        }
    }
}
