using System.CommandLine;
using System.Globalization;
using System.Text;
using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Analytics.Signals.Evaluation;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// <c>churnwatch signals evaluate</c>: replays the signal rules at past weekly dates from the store's history and
/// prints, per kind, how often the signals it opened were followed by churn (risk kinds) or expansion (upsell kinds)
/// against the base rate. The scores the renewal, risk-jump and plan-fit rules need come from a model trained only on
/// data before the first replayed date, so no replayed score has seen its outcome.
/// </summary>
internal static class SignalsEvaluateCommand
{
    /// <summary>Days of history before the first replayed week's rules window that the replay's model trains on, at least.</summary>
    private const int TrainingDaysBeforeReplay = 180;

    /// <summary>The fewest weekly dates --weeks accepts.</summary>
    private const int MinimumWeeks = 4;

    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        var weeks = new Option<int?>("--weeks") { Description = "Weekly dates to replay, 4 to 104 (default: Signals:EvaluationWeeks)." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the lift table as Markdown (for the README) instead of a console table." };
        var command = new Command("evaluate", "Replay the signals over past weeks: per kind, signals opened, how many were followed by churn (risk) or expansion (upsell) within the horizon, and the lift over the base rate.")
        {
            weeks, markdown,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = parse.GetValue(weeks);
            if (count is < MinimumWeeks or > 104)
            {
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--weeks: {count} is outside {MinimumWeeks} to 104."));
            }

            var asMarkdown = parse.GetValue(markdown);
            return CommandHost.RunAsync((services, ct) => RunAsync(services, count, asMarkdown, ct), overrides, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, int? weeks, bool markdown, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<StoreDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        // The company a batch of accounts at a time (Store:AccountsPerBatch): three passes over the store (train, the
        // plans' usage, the replay), none holding more than a batch's usage.
        var company = await CompanyBatches.OpenAsync(services.GetRequiredService<HistoryStore>(), services.GetRequiredService<IOptions<StoreOptions>>().Value.AccountsPerBatch, cancellationToken).ConfigureAwait(false);
        var modeling = services.GetRequiredService<IOptions<ModelingOptions>>().Value;
        var options = services.GetRequiredService<IOptions<SignalOptions>>().Value;
        var dates = SignalReplay.Dates(company.Shape.DataAsOf, weeks ?? options.EvaluationWeeks, options.EvaluationHorizonDays, modeling.GraceDays);
        var firstData = company.Shape.UsageStartDay is { } start ? DateOnly.FromDayNumber(start) : DateOnly.MaxValue;
        // The rules need 12 weeks of usage before the first date, and the model about half a year before it to learn from.
        var before = (7 * AccountActivity.Weeks) + TrainingDaysBeforeReplay;
        if (dates[0].AddDays(-before) < firstData)
        {
            var most = firstData == DateOnly.MaxValue ? 0 : ((dates[^1].DayNumber - before - firstData.DayNumber) / 7) + 1;
            var fix = most >= MinimumWeeks
                ? $"Replay at most {most} weeks (--weeks {most} or Signals:EvaluationWeeks)."
                : $"Even {MinimumWeeks} weeks need more: wait for more history, or shorten Signals:EvaluationHorizonDays ({options.EvaluationHorizonDays}) or Modeling:GraceDays ({modeling.GraceDays}), which the last date must leave after it.";
            return CommandHost.Fail(ExitCodes.BadSourceData, string.Create(CultureInfo.InvariantCulture,
                $"The history is too short to replay {dates.Count} weeks: usage starts on {firstData:yyyy-MM-dd}, the last replayable date is {dates[^1]:yyyy-MM-dd} (Signals:EvaluationHorizonDays + Modeling:GraceDays before the data ends), and the first replayed date ({dates[0]:yyyy-MM-dd}) needs {before} days before it ({AccountActivity.Weeks} weeks of usage for the rules, {TrainingDaysBeforeReplay} to train a model). {fix}"));
        }

        var settings = ChurnModelWorkflow.ResolveFeatureSettings(company.LedgerTimeline, modeling);
        var cutoff = dates[0].AddDays(-7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Training a churn and renewal model on the data before {cutoff:yyyy-MM-dd}, then replaying {dates.Count} weeks ({dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd})...")).ConfigureAwait(false);
        // Progress on standard error, so --markdown output stays clean on standard output.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var evaluation = await SpectreStepProgress.Display(console)
            .StartAsync(context => Task.Run(() => Replay(company, dates, cutoff, settings, modeling, options, new SpectreStepProgress(context), cancellationToken), cancellationToken))
            .ConfigureAwait(false);
        if (markdown)
        {
            Console.Write(Markdown(evaluation));
        }
        else
        {
            Print(evaluation);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Trains on the company as known before <paramref name="cutoff"/>, then replays the signals at
    /// <paramref name="dates"/>, scoring each batch with that model: every step a pass over the batches.
    /// </summary>
    private static SignalEvaluation Replay(
        CompanyBatches company, IReadOnlyList<DateOnly> dates, DateTime cutoff, FeatureSettings settings, ModelingOptions modeling, SignalOptions options,
        IPipelineProgress progress, CancellationToken cancellationToken)
    {
        var known = company.At(cutoff);
        var models = Pass(progress, "Train the model", company, histories =>
            ChurnModelWorkflow.Train(known.LedgerTimeline, histories.Select(history => CompanyTimeline.Build(known.View(history), known.Shape)), modeling), cancellationToken);
        var replay = Pass(progress, "Gather the plans' usage", company, histories =>
            SignalReplay.Start(histories.Select(history => CompanyTimeline.Build(history, company.Shape)), dates, settings.KeyFeatures, settings.PlanTiers, options, modeling.GraceDays), cancellationToken);
        Pass(progress, "Replay the signals", company, histories =>
        {
            foreach (var timeline in histories.Select(history => CompanyTimeline.Build(history, company.Shape)))
            {
                replay.Add(timeline, date =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return ChurnModelWorkflow.Score(timeline, models, modeling, date);
                });
            }

            return replay;
        }, cancellationToken);
        return replay.Finish();
    }

    /// <summary>One step over every batch's history (one read of the store), its bar moving as each batch is handed out.</summary>
    private static T Pass<T>(IPipelineProgress progress, string step, CompanyBatches company, Func<IEnumerable<CompanyHistory>, T> run, CancellationToken cancellationToken)
    {
        progress.Begin(step);
        var batches = company.Batches.Count;
        var result = run(company.Histories(cancellationToken).Select((history, b) =>
        {
            progress.Report((double)b / batches);
            return history;
        }));
        progress.End();
        return result;
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

    private static string Percent(double value) => double.IsNaN(value) ? "-" : I($"{100 * value:0.0}%");

    private static string Text(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
