using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    /// <summary>Reports synchronously on the reading thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class CancelAfterRows(CancellationTokenSource cancellation, long rows) : IProgress<CsvDropProgress>
    {
        public void Report(CsvDropProgress value)
        {
            if (value.RowsRead >= rows)
            {
                cancellation.Cancel();
            }
        }
    }

    [Fact]
    public async Task RunAsync_CancelledInTheMiddleOfAFile_LeavesStoreFileAndImportLogUnchanged()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        drops.Drop("usage_events", "usage-1.csv", UsageCsv);
        await drops.RunAsync();
        var before = await drops.ChecksumAsync();
        var events = new StringBuilder("account_id,user_id,feature,occurred_at,quantity\n");
        for (var i = 0; i < 2500; i++)
        {
            events.Append(CultureInfo.InvariantCulture, $"A{1 + (i % 2)},u{i % 7},dashboards,2025-03-{1 + (i % 28):00}T10:00:00Z,1\n");
        }

        var path = drops.Drop("usage_events", "usage-2.csv", events.ToString());
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drops.RunAsync(new CancelAfterRows(cancellation, CsvDropProgress.Interval), cancellation.Token));

        Assert.Equal(before, await drops.ChecksumAsync());
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(drops.Processed("usage_events", "usage-2.csv")));
        Assert.Equal(["usage-1.csv"], await drops.QueryAsync<string>("SELECT file_name FROM csv_imports WHERE entity = 'usage_events'"));

        // The next run imports it whole.
        var summary = await drops.RunAsync();
        Assert.Equal([new CsvFileResult("usage_events", "usage-2.csv", 2500, 0, false)], summary.Files);
        Assert.Equal([2506L], await drops.QueryAsync<long>("SELECT COUNT(*) FROM staged_usage_events"));
    }
}
