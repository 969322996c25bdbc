using System.Globalization;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Finance.Csv;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Pipeline;

/// <summary>The demo pipeline end to end on a small generated company, with a real SQLite store and real files.</summary>
public sealed class DemoPipelineTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly IHost _host;

    public DemoPipelineTests()
    {
        var builder = ChurnWatchHost.CreateBuilder(SmallCompany.Settings(_folder.Path, accounts: 240, months: 18, seed: 7));
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        _host = builder.Build();
    }

    private string Out(string name) => Path.Combine(_folder.Path, "out", name);

    [Fact]
    public async Task RunAsync_SmallCompany_ScoresEveryActiveAccountAndWritesEveryOutput()
    {
        var summary = await _host.Services.GetRequiredService<DemoPipeline>().RunAsync(SilentProgress.Instance, CancellationToken.None);

        await using var store = await _host.Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None);
        var asOf = summary.AsOf.ToDateTime(TimeOnly.MinValue).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var active = (await store.QueryAsync<(string AccountId, string Owner)>(
            """
            SELECT DISTINCT s.account_id, a.owner_email FROM subscriptions s JOIN accounts a ON a.account_id = s.account_id
            WHERE s.started_at <= @asOf AND (s.ended_at IS NULL OR s.ended_at > @asOf)
            """, new { asOf })).ToList();

        Assert.True(summary.SampleGenerated);
        Assert.Equal(DayOfWeek.Monday, summary.AsOf.DayOfWeek);
        Assert.Equal(active.Count, summary.AccountsScored);
        Assert.Equal(active.Count, await store.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM scores"));
        Assert.True(summary.ChurnBacktest!.Auc > 0.55, $"backtest AUC {summary.ChurnBacktest.Auc}");

        // one report per owner of an active account, plus the index that links them all
        var index = await File.ReadAllTextAsync(Out("reports/index.html"));
        // The clock reads six hours after the data ends, so no source is stale; accounts, whose newest row is weeks
        // old, are judged by their last ingest and are not stale either.
        Assert.DoesNotContain("Stale data warning", index, StringComparison.Ordinal);
        foreach (var owner in active.Select(a => a.Owner).Distinct())
        {
            Assert.True(File.Exists(Out("reports/" + ReportFileName.ForOwner(owner))), owner);
            Assert.Contains(ReportFileName.ForOwner(owner), index, StringComparison.Ordinal);
        }

        var accountCsv = await File.ReadAllLinesAsync(Out(AccountRiskCsv.FileName));
        Assert.Equal(active.Count + 1, accountCsv.Length);
        Assert.Equal(string.Join(",", AccountRiskCsv.Columns), accountCsv[0]);

        // Reasons are what an account does, never what it is: no account's first reason (of any) is its contract,
        // plan or tenure, which every account has and no one can act on; those are its context line. A reason that
        // protects is shown only on a low-risk account, and never against the direction of its contribution.
        var stored = (await store.QueryAsync<(string Band, string Reasons)>("SELECT band, reasons FROM scores")).ToList();
        var reasons = stored.Select(s => (s.Band, List: System.Text.Json.JsonSerializer.Deserialize<List<ScoreReason>>(s.Reasons)!)).ToList();
        Assert.DoesNotContain(reasons.SelectMany(r => r.List), r => ReasonTopics.IsStructure(r.Topic));
        Assert.All(reasons.Where(r => r.List.Any(x => x.IsProtective)), r => Assert.Equal(nameof(RiskBand.Low), r.Band));
        Assert.All(reasons, r => Assert.True(r.List.All(x => x.IsProtective) || r.List.All(x => !x.IsProtective)));
        Assert.Contains(reasons, r => r.List.Count > 0);
        var (header, rows) = CsvTestReader.Read(string.Join("\r\n", accountCsv) + "\r\n");
        Assert.All(rows, row => Assert.False(string.IsNullOrEmpty(row[header.ToList().IndexOf("context")])));

        // A level is compared with something: retained accounts on the same plan, or for weekly users the weeks before.
        // (A missing level, "No CSAT rating in the last 180 days", states an absence: there is nothing to compare.)
        var levels = reasons.SelectMany(r => r.List).Where(x => RetainedLevels.IsLevel(x.Predictor) && !x.Sentence.StartsWith("No ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(levels);
        Assert.All(levels, x => Assert.True(x.Sentence.Contains("retained ", StringComparison.Ordinal) || x.Sentence.Contains(" vs the 8 before", StringComparison.Ordinal), x.Sentence));

        // What moved a score since the week before points the way it moved: the first run measures the move from the
        // same model's score of the data a week earlier, as no score was stored then.
        var change = header.ToList().IndexOf("churn_probability_change");
        var moved = rows.ToDictionary(row => row[header.ToList().IndexOf("account_id")], row => row[change]);
        var changes = (await store.QueryAsync<(string AccountId, string Changes)>("SELECT account_id, changes FROM scores"))
            .Select(s => (s.AccountId, List: System.Text.Json.JsonSerializer.Deserialize<List<ScoreReason>>(s.Changes)!))
            .Where(s => s.List.Count > 0).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, s =>
        {
            var move = double.Parse(moved[s.AccountId], CultureInfo.InvariantCulture);
            Assert.All(s.List, x => Assert.Equal(Math.Sign(move), Math.Sign(x.Contribution)));
            Assert.All(s.List, x => Assert.Contains("(a week earlier: ", x.Sentence, StringComparison.Ordinal));
        });
        Assert.Equal(changes.Count, rows.Count(row => row[header.ToList().IndexOf("changed_since_last_week")].Length > 0));

        var forecast = await File.ReadAllLinesAsync(Out(RenewalForecastCsv.FileName));
        Assert.Equal(ForecastStep.ForecastMonths + 1, forecast.Length);
        // Finance's files come from the forecast step, as the weekly forecast job writes them (without its backtest here).
        Assert.All(new[] { RenewalForecastCsv.FileName, "renewal_forecast_month_to_month.csv", "renewal_forecast.html", "saas_metrics.csv", "saas_metrics.html" },
            file => Assert.Contains(file, summary.FilesWritten.Select(Path.GetFileName)));
        var firstMonth = new DateOnly(summary.AsOf.Year, summary.AsOf.Month, 1);
        var renewalsInWindow = await store.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM (
                SELECT account_id, MIN(renewal_date) AS next_renewal FROM subscriptions
                WHERE started_at <= @asOf AND (ended_at IS NULL OR ended_at > @asOf) AND renewal_date >= @day
                GROUP BY account_id)
            WHERE next_renewal >= @from AND next_renewal < @to
            """,
            new { asOf, day = summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), from = firstMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = firstMonth.AddMonths(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Assert.Equal(renewalsInWindow, forecast.Skip(1).Sum(line => long.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)));

        var usage = await File.ReadAllLinesAsync(Out(FeatureUsageExport.FileName));
        Assert.True(usage.Length > 1);
        Assert.All(usage.Skip(1), line => Assert.True(string.CompareOrdinal(line[..10], summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) < 0, line));

        var freshness = await File.ReadAllLinesAsync(Out(DataFreshnessCsv.FileName));
        Assert.Equal(string.Join(",", DataFreshnessCsv.Columns), freshness[0]);
        Assert.Equal(await store.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM source_freshness WHERE provided = 1") + 1, freshness.Length);
        Assert.All(freshness.Skip(1), line => Assert.EndsWith(",false", line, StringComparison.Ordinal));

        // each model is also a file named by its content, identical to the stored model
        var modelFiles = Directory.GetFiles(Path.Combine(_folder.Path, "data", "models"), "*.json").Order(StringComparer.Ordinal).ToList();
        var storedModels = (await store.QueryAsync<(string Id, string Target, string Model)>("SELECT model_id, target, model FROM models")).ToList();
        Assert.Equal(storedModels.Select(m => $"{m.Target.ToLowerInvariant()}-{m.Id}.json").Order(StringComparer.Ordinal), modelFiles.Select(Path.GetFileName));
        Assert.All(storedModels, m => Assert.Equal(m.Model, File.ReadAllText(Path.Combine(_folder.Path, "data", "models", $"{m.Target.ToLowerInvariant()}-{m.Id}.json"))));

        var runs = (await store.QueryAsync<(string Job, string Status)>("SELECT job, status FROM job_runs ORDER BY run_id")).ToList();
        Assert.Equal([("ingest", "succeeded"), ("train", "succeeded"), ("score", "succeeded"), ("signals", "succeeded"), ("reports", "succeeded"), ("forecast", "succeeded")], runs);
    }

    [Fact]
    public async Task RunAsync_Twice_LeavesTheStoreAsOneRunDid()
    {
        var pipeline = _host.Services.GetRequiredService<DemoPipeline>();
        var database = _host.Services.GetRequiredService<StoreDatabase>();
        var first = await pipeline.RunAsync(SilentProgress.Instance, CancellationToken.None);
        var once = await StoreChecksum.OfDataAsync(database);
        var report = await File.ReadAllTextAsync(Out(AccountRiskCsv.FileName));

        var second = await pipeline.RunAsync(SilentProgress.Instance, CancellationToken.None);

        Assert.False(second.SampleGenerated);
        Assert.Equal(first.AccountsScored, second.AccountsScored);
        Assert.Equal(once, await StoreChecksum.OfDataAsync(database));
        Assert.Equal(report, await File.ReadAllTextAsync(Out(AccountRiskCsv.FileName)));
    }

    [Fact]
    public async Task RunAsync_SourceWithoutSupportAndBilling_StillScoresAndReports()
    {
        var source = Path.Combine(_folder.Path, "data", DemoPipeline.SampleFileName);
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 240, Months = 18, Seed = 7, End = new DateOnly(2026, 3, 1) }).Generate();
        new SampleCompanyWriter().WriteSqlite(company, source, CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.ExecuteAsync("DROP TABLE tickets; DROP TABLE invoices; DROP TABLE payment_attempts;");
        }

        var summary = await _host.Services.GetRequiredService<DemoPipeline>().RunAsync(SilentProgress.Instance, CancellationToken.None);

        Assert.False(summary.SampleGenerated);
        Assert.True(summary.AccountsScored > 0);
        await using var store = await _host.Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None);
        var predictors = await store.QueryFirstAsync<string>("SELECT predictors FROM predictor_snapshots LIMIT 1");
        Assert.Contains("\"wau_4w\"", predictors, StringComparison.Ordinal);
        Assert.DoesNotContain("ticket", predictors, StringComparison.Ordinal);
        Assert.DoesNotContain("invoice", predictors, StringComparison.Ordinal);
        Assert.Equal(summary.AccountsScored + 1, (await File.ReadAllLinesAsync(Out(AccountRiskCsv.FileName))).Length);
        Assert.True(File.Exists(Out("reports/index.html")));
    }

    [Fact]
    public async Task RunAsync_SnoozedAndOlderSignals_ReportCountsThemAsHeldBackAndNotNew()
    {
        var pipeline = _host.Services.GetRequiredService<DemoPipeline>();
        var first = await pipeline.RunAsync(SilentProgress.Instance, CancellationToken.None);
        var asOf = first.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var store = await _host.Services.GetRequiredService<StoreDatabase>().OpenAsync(CancellationToken.None);
        // One owner's signals: snooze one, and make another a week old, as if the signal step had seen it last week.
        var owner = await store.QueryFirstAsync<string>(
            "SELECT a.owner_email FROM signals s JOIN accounts a ON a.account_id = s.account_id WHERE s.state = 'open' GROUP BY a.owner_email HAVING COUNT(*) >= 2 ORDER BY a.owner_email LIMIT 1");
        var ids = (await store.QueryAsync<long>(
            "SELECT s.signal_id FROM signals s JOIN accounts a ON a.account_id = s.account_id WHERE a.owner_email = @owner AND s.state = 'open' ORDER BY s.signal_id LIMIT 2", new { owner })).ToList();
        await store.ExecuteAsync("UPDATE signals SET state = 'snoozed' WHERE signal_id = @id", new { id = ids[0] });
        await store.ExecuteAsync("UPDATE signals SET first_seen = @week, reported_on = @week WHERE signal_id = @id", new { id = ids[1], week = first.AsOf.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        await pipeline.RunAsync(SilentProgress.Instance, CancellationToken.None);

        var counts = await store.QueryFirstAsync<(long Open, long New, long HeldBack)>(
            """
            SELECT SUM(CASE WHEN s.state = 'open' AND s.reported_on IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN s.state = 'open' AND s.reported_on = @asOf THEN 1 ELSE 0 END),
                   SUM(CASE WHEN s.state <> 'open' OR s.reported_on IS NULL THEN 1 ELSE 0 END)
            FROM signals s JOIN accounts a ON a.account_id = s.account_id WHERE a.owner_email = @owner AND s.state <> 'resolved'
            """, new { owner, asOf });
        var page = await File.ReadAllTextAsync(Out("reports/" + ReportFileName.ForOwner(owner)));
        // The snoozed signal, and any the weekly cap keeps out of the report.
        Assert.True(counts.HeldBack >= 1, "the snoozed signal is held back");
        Assert.Contains("<dt>Open signals</dt><dd>" + counts.Open + "</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>New this week</dt><dd>" + counts.New + "</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Held back</dt><dd>" + counts.HeldBack + " ", page, StringComparison.Ordinal);
        Assert.True(counts.New < counts.Open, "the week-old signal is open but not new");
    }

    public void Dispose()
    {
        _host.Dispose();
        _folder.Dispose();
    }
}
