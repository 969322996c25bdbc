using System.CommandLine;
using System.Text;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Signals.Evaluation;
using ChurnWatch.Worker.Reports;
using Spectre.Console;
using static ChurnWatch.Worker.Cli.EvaluationText;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch signals evaluate</c>: replays the signal rules at past weekly dates from the store's history and
/// prints, per kind, how often the signals it opened were followed by churn (risk kinds) or expansion (upsell kinds)
/// against the base rate. The scores the renewal, risk-jump and plan-fit rules need come from a model trained only on
/// data before the first replayed date, so no replayed score has seen its outcome (<see cref="PastWeeksReplay"/>).
/// </summary>
internal static class SignalsEvaluateCommand
{
    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? overrides) => PastWeeksReplay.Create(
        "Replay the signals over past weeks: per kind, signals opened, how many were followed by churn (risk) or expansion (upsell) within the horizon, and the lift over the base rate.",
        "Print the lift table as Markdown (for the README) instead of a console table.",
        Replay, Markdown, Print, overrides);

    /// <summary>
    /// Two passes over the batches after the training: the plans' usage at every date, then the signals at
    /// <see cref="PastWeeksReplay.Dates"/>, each batch scored with the model trained before them.
    /// </summary>
    private static SignalEvaluation Replay(PastWeeksReplay past)
    {
        var replay = past.Pass("Gather the plans' usage", histories =>
            SignalReplay.Start(histories.Select(history => CompanyTimeline.Build(history, past.Company.Shape)), past.Dates, past.Settings.KeyFeatures, past.Settings.PlanTiers, past.Options, past.Modeling.GraceDays));
        past.Score("Replay the signals", replay.Add);
        return replay.Finish();
    }

    private static void Print(SignalEvaluation e)
    {
        var table = new Table()
            .Title(Markup.Escape(Caption(e)))
            .AddColumns("Kind", "Outcome", "Opened", "Accounts", "Followed by outcome", "Rate", "Base rate", "Lift");
        foreach (var k in e.Kinds)
        {
            var lift = Text(k.Lift, "0.00");
            table.AddRow(
                Markup.Escape(SignalLabels.Kind(k.Kind)),
                k.Outcome,
                I($"{k.Opened:N0}"),
                I($"{k.Accounts:N0}"),
                I($"{k.FollowedByOutcome:N0}"),
                Percent(k.Rate),
                Percent(k.BaseRate),
                double.IsNaN(k.Lift) || k.Lift > 1 ? lift : $"[red]{lift}[/]");
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The lift table as Markdown, as the README shows it.</summary>
    public static string Markdown(SignalEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var text = new StringBuilder();
        text.Append(Caption(evaluation)).Append("\n\n")
            .Append("| kind | outcome | opened | accounts | followed by outcome | rate | base rate | lift |\n")
            .Append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var k in evaluation.Kinds)
        {
            text.Append(I($"| {SignalLabels.Kind(k.Kind)} | {k.Outcome} within {evaluation.HorizonDays} days | {k.Opened:N0} | {k.Accounts:N0} | {k.FollowedByOutcome:N0} | {Percent(k.Rate)} | {Percent(k.BaseRate)} | {Text(k.Lift, "0.00")} |\n"));
        }

        return text.ToString();
    }

    private static string Caption(SignalEvaluation e) => I(
        $"{e.Dates} weekly dates {e.FirstDate:yyyy-MM-dd} to {e.LastDate:yyyy-MM-dd}, {e.AccountDates:N0} active account-weeks; base rates: churn {Percent(e.ChurnBaseRate)}, expansion {Percent(e.ExpansionBaseRate)} within {e.HorizonDays} days");
}
