using System.CommandLine;
using System.Globalization;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Analytics.Signals.Evaluation;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// What the <c>evaluate</c> commands (<c>signals evaluate</c>, <c>reasons evaluate</c>) share: past weekly dates
/// replayed from the store's history a batch of accounts at a time (<c>Store:AccountsPerBatch</c>), a churn and renewal
/// model trained only on the data known before the first of them, so no replayed score has seen its outcome, and the
/// command line around it (<c>--weeks</c>, <c>--markdown</c>, progress on standard error, the exit codes).
/// </summary>
internal sealed class PastWeeksReplay
{
    /// <summary>Days of history before the first replayed week's rules window that the replay's model trains on, at least.</summary>
    private const int TrainingDaysBeforeReplay = 180;

    /// <summary>The fewest weekly dates --weeks accepts.</summary>
    private const int MinimumWeeks = 4;

    private readonly IPipelineProgress _progress;
    private readonly CancellationToken _cancellationToken;

    private PastWeeksReplay(
        CompanyBatches company, IReadOnlyList<DateOnly> dates, PredictorSettings settings, ModelingOptions modeling, SignalOptions options, TrainedModels models,
        IPipelineProgress progress, CancellationToken cancellationToken)
    {
        Company = company;
        Dates = dates;
        Settings = settings;
        Modeling = modeling;
        Options = options;
        Models = models;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The stored company, read a batch of accounts at a time.</summary>
    public CompanyBatches Company { get; }

    /// <summary>The replayed Mondays, ascending: the last a horizon and the churn grace period before the data ends.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Key features and plan tiers as the options resolve them on this company.</summary>
    public PredictorSettings Settings { get; }

    /// <summary>The Modeling section (grace days, bands, reasons).</summary>
    public ModelingOptions Modeling { get; }

    /// <summary>The Signals section (the rules, the horizon, the default number of weeks).</summary>
    public SignalOptions Options { get; }

    /// <summary>The churn and renewal models trained on the data before the week before the first date.</summary>
    public TrainedModels Models { get; }

    /// <summary>
    /// The <c>evaluate</c> command: checks <c>--weeks</c>, reads the store, checks that the history is long enough,
    /// trains, runs <paramref name="replay"/> and prints its result as a console table or, with <c>--markdown</c>, as Markdown.
    /// </summary>
    public static Command Create<T>(
        string description, string markdownDescription, Func<PastWeeksReplay, T> replay, Func<T, string> markdown, Action<T> print,
        IEnumerable<KeyValuePair<string, string?>>? overrides)
        where T : class
    {
        var weeks = new Option<int?>("--weeks") { Description = "Weekly dates to replay, 4 to 104 (default: Signals:EvaluationWeeks)." };
        var asMarkdown = new Option<bool>("--markdown") { Description = markdownDescription };
        var command = new Command("evaluate", description) { weeks, asMarkdown };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = parse.GetValue(weeks);
            if (count is < MinimumWeeks or > 104)
            {
                return Task.FromResult(CommandHost.Fail(ExitCodes.BadArguments, $"--weeks: {count} is outside {MinimumWeeks} to 104."));
            }

            var toMarkdown = parse.GetValue(asMarkdown);
            return CommandHost.RunAsync(async (services, ct) =>
            {
                if (await RunAsync(services, count, replay, ct).ConfigureAwait(false) is not { } result)
                {
                    return ExitCodes.BadSourceData;
                }

                if (toMarkdown)
                {
                    Console.Write(markdown(result));
                }
                else
                {
                    print(result);
                }

                return ExitCodes.Ok;
            }, overrides, cancellationToken);
        });
        return command;
    }

    /// <summary>One step over every batch's history (one read of the store), its bar moving as each batch is handed out.</summary>
    public TResult Pass<TResult>(string step, Func<IEnumerable<CompanyHistory>, TResult> run) => Pass(_progress, step, Company, run, _cancellationToken);

    /// <summary>
    /// One step over every batch: hands <paramref name="add"/> the batch's timeline and its scores at a date, by
    /// <see cref="Models"/> from the batch's data strictly before that date.
    /// </summary>
    public void Score(string step, Action<CompanyTimeline, Func<DateOnly, IReadOnlyList<AccountScore>>> add) => Pass(step, histories =>
    {
        foreach (var timeline in histories.Select(history => CompanyTimeline.Build(history, Company.Shape)))
        {
            add(timeline, date =>
            {
                _cancellationToken.ThrowIfCancellationRequested();
                return ChurnModelWorkflow.Score(timeline, Models, Modeling, date);
            });
        }

        return true; // the step's work is what add keeps
    });

    /// <summary>The replay's result, or null (the message written) when the history is too short for the weeks asked.</summary>
    private static async Task<T?> RunAsync<T>(IServiceProvider services, int? weeks, Func<PastWeeksReplay, T> replay, CancellationToken cancellationToken)
        where T : class
    {
        await services.GetRequiredService<StoreDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        // The company a batch of accounts at a time (Store:AccountsPerBatch): a pass over the store for the training and
        // one or more for the replay, none holding more than a batch's usage.
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
            CommandHost.Fail(ExitCodes.BadSourceData, string.Create(CultureInfo.InvariantCulture,
                $"The history is too short to replay {dates.Count} weeks: usage starts on {firstData:yyyy-MM-dd}, the last replayable date is {dates[^1]:yyyy-MM-dd} (Signals:EvaluationHorizonDays + Modeling:GraceDays before the data ends), and the first replayed date ({dates[0]:yyyy-MM-dd}) needs {before} days before it ({AccountActivity.Weeks} weeks of usage for the rules, {TrainingDaysBeforeReplay} to train a model). {fix}"));
            return default;
        }

        var settings = ChurnModelWorkflow.ResolvePredictorSettings(company.LedgerTimeline, modeling);
        var cutoff = dates[0].AddDays(-7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Training a churn and renewal model on the data before {cutoff:yyyy-MM-dd}, then replaying {dates.Count} weeks ({dates[0]:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd})...")).ConfigureAwait(false);
        // Progress on standard error, so --markdown output stays clean on standard output.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await SpectreStepProgress.Display(console).StartAsync(context => Task.Run(() =>
        {
            var progress = new SpectreStepProgress(context);
            var known = company.At(cutoff);
            // The model only scores the replayed weeks: its global importance, shown only for the kept model, is left out.
            var models = Pass(progress, "Train the model", company, histories =>
                ChurnModelWorkflow.TrainWithoutImportance(known.LedgerTimeline, histories.Select(history => CompanyTimeline.Build(known.View(history), known.Shape)), modeling), cancellationToken);
            return replay(new PastWeeksReplay(company, dates, settings, modeling, options, models, progress, cancellationToken));
        }, cancellationToken)).ConfigureAwait(false);
    }

    private static TResult Pass<TResult>(IPipelineProgress progress, string step, CompanyBatches company, Func<IEnumerable<CompanyHistory>, TResult> run, CancellationToken cancellationToken)
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
}
