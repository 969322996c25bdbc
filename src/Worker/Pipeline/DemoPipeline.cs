using System.Diagnostics;
using System.Globalization;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// The whole pipeline once, as <c>churnwatch demo</c> runs it: sample company if missing, store migrations, ingest,
/// train with a backtest, score, signals, reports and exports, the forecast (without its backtest) and the SaaS metrics.
/// Each step is recorded in the store's run history under the scheduled job's name.
/// </summary>
internal sealed class DemoPipeline(
    IOptions<SampleOptions> sampleOptions,
    IOptions<SourceOptions> sourceOptions,
    IOptions<OutputOptions> outputOptions,
    IOptions<ModelingOptions> modelingOptions,
    IOptions<StoreOptions> storeOptions,
    StoreDatabase database,
    HistoryStore historyStore,
    IngestStep ingestion,
    TrainingStep training,
    ScoringStep scoring,
    SignalStep signals,
    OutputStep outputs,
    ForecastStep forecast,
    RunHistoryStore runs,
    TimeProvider timeProvider)
{
    /// <summary>File name of the generated sample source inside the data folder.</summary>
    public const string SampleFileName = "sample-company.db";

    public async Task<DemoSummary> RunAsync(IPipelineProgress progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var generated = await Step(progress, "Sample company", () => Task.FromResult(GenerateSampleIfMissing(progress, cancellationToken))).ConfigureAwait(false);
        await Step(progress, "Store migrations", () => database.MigrateAsync(cancellationToken)).ConfigureAwait(false);
        // Each step is recorded in run history under the name of the scheduler's job that does the same work.
        var ingested = await Step(progress, "Ingest", () => RecordedAsync("ingest", async () =>
        {
            var entities = Enum.GetValues<SourceEntity>().Length;
            var result = await ingestion.RunAsync(
                IngestRequest.All,
                new InlineProgress<IngestProgress>(p => progress.Report(((double)(int)p.Entity + (p.Done ? 1 : 0.5)) / entities)),
                null,
                cancellationToken).ConfigureAwait(false);
            if (result.Failed)
            {
                throw new SourceDataException(IngestMessages.Refused(result));
            }

            return (result, result.TotalRows);
        })).ConfigureAwait(false);

        // The history is read one batch of accounts at a time (Store:AccountsPerBatch): only its shape and ledger whole.
        var company = await Step(progress, "Load history", () => CompanyBatches.OpenAsync(historyStore, storeOptions.Value.AccountsPerBatch, cancellationToken)).ConfigureAwait(false);
        var asOf = company.AsOf;
        var models = await Step(progress, "Train and backtest", () => RecordedAsync("train", async () =>
        {
            var trained = await training.RunAsync(company, cancellationToken).ConfigureAwait(false);
            return (trained, (long)trained.Churn.TrainRows);
        })).ConfigureAwait(false);
        var scored = await Step(progress, "Score", () => RecordedAsync("score", async () =>
        {
            var result = await scoring.RunAsync(company, models, asOf, new InlineProgress<double>(progress.Report), cancellationToken).ConfigureAwait(false);
            return (result, (long)result.Scores.Count);
        })).ConfigureAwait(false);
        var scores = scored.Scores;

        var book = AccountBook.AsOf(company.Ledger, asOf, outputOptions.Value.UnassignedOwner);
        var found = await Step(progress, "Signals", () => RecordedAsync("signals", async () =>
        {
            var result = await signals.RunAsync(scored.Activity, book, scores, models.Churn.PredictorSettings, asOf, cancellationToken).ConfigureAwait(false);
            return (result, (long)result.Found.Count);
        })).ConfigureAwait(false);
        var written = await Step(progress, "Reports and exports", () => RecordedAsync("reports", async () =>
        {
            var result = await outputs.RunAsync(company.Ledger, book, found.Activity, scores, models, asOf, cancellationToken).ConfigureAwait(false);
            return (result, (long)result.Files.Count);
        })).ConfigureAwait(false);
        // Without a backtest (it trains the models again at a score of past dates, minutes): the model with its range
        // of independent renewals, marked as such; `churnwatch forecast renewals` and the weekly job backtest it.
        var finance = await Step(progress, "Forecast and SaaS metrics", () => RecordedAsync("forecast", async () =>
        {
            var result = await forecast.RunAsync(backtestMonths: 0, cancellationToken).ConfigureAwait(false);
            return (result, (long)(result.Forecast.Total.Count + result.Metrics.Report.Months.Count));
        })).ConfigureAwait(false);

        return new DemoSummary(
            generated,
            asOf,
            company.Shape.DataAsOf,
            ingested.TotalRows,
            scores.Count,
            models.Churn.Backtest,
            models.Renewal?.Backtest,
            found.Found.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count()),
            outputOptions.Value.Folder,
            [.. written.Files, .. finance.Files],
            written.StaleSources,
            clock.Elapsed)
        {
            ChurnModel = models.Churn,
        };
    }

    /// <summary>
    /// Why the sample company the demo would generate is too short to train and backtest a churn model with these
    /// settings, or null when it is long enough or a sample exists already (the demo then uses it as it is).
    /// </summary>
    /// <param name="monthsGiven">How the months were given, for the message: <c>--months 12</c> or <c>Sample:Months = 12</c>.</param>
    /// <param name="longerMonths">How to ask for more months, given the minimum: <c>use --months 14</c>.</param>
    public string? SampleTooShort(string monthsGiven, Func<int, string> longerMonths)
    {
        ArgumentNullException.ThrowIfNull(longerMonths);
        if (File.Exists(SamplePath))
        {
            return null;
        }

        var end = SampleEnd();
        var required = modelingOptions.Value.MinimumHistoryDays;
        int Days(int months) => end.DayNumber - end.AddMonths(-months).DayNumber;
        var days = Days(sampleOptions.Value.Months);
        if (days >= required)
        {
            return null;
        }

        var minimum = Enumerable.Range(1, SampleCompanyOptions.MaxMonths).Where(m => Days(m) >= required).Select(m => (int?)m).FirstOrDefault();
        var fix = minimum is { } m ? $"{longerMonths(m)}, or shorten those settings." : $"No sample up to {SampleCompanyOptions.MaxMonths} months is that long: shorten those settings.";
        return string.Create(CultureInfo.InvariantCulture,
            $"{monthsGiven} gives {days} days of history ({end.AddMonths(-sampleOptions.Value.Months):yyyy-MM-dd} to {end:yyyy-MM-dd}), too short to train and backtest a churn model: that needs at least {required} days, {modelingOptions.Value.MinimumHistoryTerms}. {fix}");
    }

    /// <summary>Generates the sample company into the configured SQLite source when that file does not exist yet.</summary>
    private bool GenerateSampleIfMissing(IPipelineProgress progress, CancellationToken cancellationToken)
    {
        var path = SamplePath;
        if (File.Exists(path))
        {
            return false;
        }

        var sample = sampleOptions.Value;
        var options = new SampleCompanyOptions
        {
            Accounts = sample.Accounts,
            Months = sample.Months,
            Seed = sample.Seed,
            End = SampleEnd(),
        };
        options.Validate();
        var company = new SampleCompanyGenerator(options).Generate();
        new SampleCompanyWriter(done => progress.Report((double)done / options.Accounts)).WriteSqlite(company, path, cancellationToken);
        return true;
    }

    private string SamplePath => new SqliteConnectionStringBuilder(sourceOptions.Value.ConnectionString).DataSource;

    // Ending today keeps the demo's data fresh, so its reports show no stale-data warning.
    private DateOnly SampleEnd() => sampleOptions.Value.End ?? DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    private async Task<T> RecordedAsync<T>(string job, Func<Task<(T Result, long Rows)>> work)
    {
        var runId = await runs.StartAsync(job, CancellationToken.None).ConfigureAwait(false);
        try
        {
            var (result, rows) = await work().ConfigureAwait(false);
            await runs.FinishAsync(runId, succeeded: true, rows, error: null).ConfigureAwait(false);
            return result;
        }
        catch (Exception e)
        {
            await runs.FinishAsync(runId, succeeded: false, null, e.Message).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<T> Step<T>(IPipelineProgress progress, string name, Func<Task<T>> work)
    {
        progress.Begin(name);
        var result = await work().ConfigureAwait(false);
        progress.End();
        return result;
    }
}
