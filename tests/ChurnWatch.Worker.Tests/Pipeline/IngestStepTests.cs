using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Samples;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Tests.Pipeline;

/// <summary>One ingest as every caller runs it, on a small generated company in a real SQLite source and store.</summary>
public sealed class IngestStepTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private IHost Host(DateTimeOffset now)
    {
        var builder = ChurnWatchHost.CreateBuilder(SmallCompany.Settings(_folder.Path, accounts: 60, months: 6, seed: 3));
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        return builder.Build();
    }

    private static async Task<IngestStepResult> IngestAsync(IHost host)
    {
        await host.Services.GetRequiredService<StoreDatabase>().MigrateAsync(CancellationToken.None);
        return await host.Services.GetRequiredService<IngestStep>().RunAsync(IngestRequest.All, null, null, CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_ClockBehindTheStore_RefusesTheRunAndChangesNothing()
    {
        var company = new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 60, Months = 6, Seed = 3, End = new DateOnly(2026, 3, 1) }).Generate();
        Directory.CreateDirectory(_folder.File("data"));
        new SampleCompanyWriter().WriteSqlite(company, _folder.File(Path.Combine("data", DemoPipeline.SampleFileName)), CancellationToken.None);
        using (var rightClock = Host(SmallCompany.Now))
        {
            Assert.False((await IngestAsync(rightClock)).Failed);
        }

        using var behind = Host(SmallCompany.Now.AddDays(-40));
        var database = behind.Services.GetRequiredService<StoreDatabase>();
        var before = await StoreChecksum.OfDataAsync(database);

        var error = await Assert.ThrowsAsync<SourceDataException>(() => IngestAsync(behind));

        Assert.Contains("The clock says 2026-01-20T06:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("the system clock (or its time zone) is behind", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was read or changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreChecksum.OfDataAsync(database));
    }

    public void Dispose() => _folder.Dispose();
}
