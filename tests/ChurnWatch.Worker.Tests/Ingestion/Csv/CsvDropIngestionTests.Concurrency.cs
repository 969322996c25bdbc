using System.Globalization;
using System.Text;
using ChurnWatch.Worker.Ingestion.Csv;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Holds the import on its reading thread at <paramref name="rows"/> rows (inside the file's transaction) until released.</summary>
    private sealed class HoldAtRows(long rows, ManualResetEventSlim release) : IProgress<CsvDropProgress>
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Report(CsvDropProgress value)
        {
            if (value.RowsRead >= rows && !Reached.Task.IsCompleted)
            {
                Reached.SetResult();
                release.Wait(Patience);
            }
        }
    }

    private sealed class WaitingSeen : IProgress<CsvDropProgress>
    {
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Report(CsvDropProgress value)
        {
            if (value.IsOtherImportRunning)
            {
                Seen.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task RunAsync_TwoHostsImportTheSameDropAtOnce_TheSecondWaitsThenFindsNothingAndTheStoreEndsAsOneImport()
    {
        var expected = await OneImportChecksumAsync();
        using var drops = await CsvDropFixture.CreateAsync();
        DropBacklog(drops);
        using var release = new ManualResetEventSlim();
        var first = await StartHeldAsync(drops, release);
        var waiting = new WaitingSeen();
        var second = Task.Run(() => drops.OtherHost().RunAsync(waiting, CancellationToken.None));
        await Task.WhenAny(waiting.Seen.Task, second, Task.Delay(TimeSpan.FromSeconds(5)));
        var secondWaited = waiting.Seen.Task.IsCompleted;
        release.Set();

        var firstSummary = await first;
        var secondSummary = await second;

        Assert.True(secondWaited, "the second import did not wait for the first");
        Assert.Equal(
            [
                new CsvFileResult("accounts", "accounts.csv", 2, 0, false),
                new CsvFileResult("usage_events", "usage.csv", 2500, 0, false),
            ],
            firstSummary.Files);
        Assert.Empty(secondSummary.Files);
        Assert.Equal(expected, await drops.ChecksumAsync());
        Assert.True(File.Exists(drops.Processed("usage_events", "usage.csv")));
    }

    [Fact]
    public async Task RunAsync_SecondImportWithNoLockWait_FailsSayingTheFolderIsBeingImportedAndImportsNothing()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        DropBacklog(drops);
        using var release = new ManualResetEventSlim();
        var first = await StartHeldAsync(drops, release);
        drops.Options.LockWait = TimeSpan.Zero;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => drops.OtherHost().RunAsync(null, CancellationToken.None));
        release.Set();
        await first;

        Assert.Equal(
            $"The CSV drop folder {drops.DropFolder} is already being imported by another churnwatch run (it holds .churnwatch-import.lock open), so this run imported nothing from it (CsvDrops:LockWait is 0: no waiting). Run it again when the other import has finished.",
            error.Message);
        Assert.Equal([2500L], await drops.QueryAsync<long>("SELECT COUNT(*) FROM staged_usage_events"));
        Assert.Equal(["accounts.csv", "usage.csv"], await drops.QueryAsync<string>("SELECT file_name FROM csv_imports ORDER BY file_name"));
    }

    [Fact]
    public async Task RunAsync_AnotherDropFolderImportsTheSameFileFirst_TheFileIsSkippedAsImportedAndTheStoreEndsAsOneImport()
    {
        var expected = await OneImportChecksumAsync();
        using var drops = await CsvDropFixture.CreateAsync();
        DropBacklog(drops);
        var copy = drops.DropFolder + "-copy";
        CopyFolder(drops.DropFolder, copy);
        using var release = new ManualResetEventSlim();
        var first = await StartHeldAsync(drops, release);

        // Another folder has its own lock: this run reads the same file while the first is held inside it. Which one
        // commits first depends on the store's write lock; the other must find the file recorded and skip it.
        var other = Task.Run(() => drops.OtherHost(copy).RunAsync(null, CancellationToken.None));
        await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(1)));
        release.Set();
        var usage = new[] { await first, await other }.Select(s => s.Files.Single(f => f.Entity == "usage_events")).ToList();

        Assert.Equal(
            [new CsvFileResult("usage_events", "usage.csv", 0, 0, true), new CsvFileResult("usage_events", "usage.csv", 2500, 0, false)],
            usage.OrderBy(f => f.Loaded));
        Assert.Equal(expected, await drops.ChecksumAsync());
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The store's checksum after one import of <see cref="DropBacklog"/> alone.</summary>
    private static async Task<string> OneImportChecksumAsync()
    {
        using var alone = await CsvDropFixture.CreateAsync();
        DropBacklog(alone);
        await alone.RunAsync();
        return await alone.ChecksumAsync();
    }

    /// <summary>Starts the import of the dropped backlog, returning once it is held inside the usage file (until <paramref name="release"/>).</summary>
    private static async Task<Task<CsvDropSummary>> StartHeldAsync(CsvDropFixture drops, ManualResetEventSlim release)
    {
        var hold = new HoldAtRows(CsvDropProgress.Interval, release);
        var import = Task.Run(() => drops.RunAsync(hold));
        await hold.Reached.Task.WaitAsync(Patience);
        return import;
    }

    /// <summary>Accounts, and usage long enough (2,500 events) for the import to be held in the middle of it.</summary>
    private static void DropBacklog(CsvDropFixture drops)
    {
        drops.Drop("accounts", "accounts.csv", CsvDropFixture.AccountsCsv);
        var events = new StringBuilder("account_id,user_id,feature,occurred_at,quantity\n");
        for (var i = 0; i < 2500; i++)
        {
            events.Append(CultureInfo.InvariantCulture, $"A{1 + (i % 2)},u{i % 7},dashboards,2025-03-{1 + (i % 28):00}T10:00:00Z,1\n");
        }

        drops.Drop("usage_events", "usage.csv", events.ToString());
    }
}
