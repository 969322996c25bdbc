using System.Text.Json;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class SqliteStepJobTests : StepJobTests<SqliteTestProvider>;

public sealed class PostgreSqlStepJobTests : StepJobTests<PostgreSqlTestProvider>
{
    /// <summary>A node killed mid-job: its database session ends, and with it the job's lock, at once.</summary>
    [StoreFact]
    public async Task AcquireAsync_HolderSessionEnds_NextRunGetsTheLockAtOnce()
    {
        var held = await Locks.AcquireAsync("score", CancellationToken.None);
        var waiting = Locks.AcquireAsync("score", CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(waiting.IsCompleted);

        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            // The holder's session is the one granted the advisory lock: end it as a dying node's would end.
            Assert.True(await connection.ExecuteScalarAsync<bool>(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = (@key & 4294967295)::oid",
                new { key = JobLocks.LockKey("score") }));
        }

        await (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
        await held.DisposeAsync(); // its connection is gone: releasing it changes nothing and fails nothing
    }
}

/// <summary>The Hangfire job of a step on a real store and Hangfire's in-memory storage: chains, failures, locks.</summary>
public abstract class StepJobTests<TProvider> : StoreTestBase<TProvider>, IDisposable
    where TProvider : StoreTestProvider, new()
{
    private readonly InMemoryStorage _storage = Quiet(() => new InMemoryStorage());
    private JobLocks? _locks;

    private sealed class Steps(Func<long> step) : IJobSteps
    {
        public Task<long> RunAsync(string job, CancellationToken cancellationToken) => Task.FromResult(step());
    }

    /// <summary>
    /// Hangfire logs through a static provider, which the last host of this test process set to its own logging (and
    /// that host may be disposed by now): this storage logs nowhere.
    /// </summary>
    private static T Quiet<T>(Func<T> create)
    {
        GlobalConfiguration.Configuration.UseLogProvider(new NoLogs());
        return create();
    }

    private sealed class NoLogs : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    private sealed class NoCancellation : IJobCancellationToken
    {
        public CancellationToken ShutdownToken => CancellationToken.None;

        public void ThrowIfCancellationRequested()
        {
        }
    }

    /// <summary>One per test, as the worker has one (the embedded store's locks live in it).</summary>
    private protected JobLocks Locks => _locks ??= new(Database, Options.Create(new StoreOptions { Provider = Provider.Provider }), Options.Create(new ScheduleOptions { PollInterval = TimeSpan.FromMilliseconds(100) }), TimeProvider.System);

    private StepJob Job(IJobSteps steps)
    {
        var runs = new RunHistoryStore(Database, Time);
        var runner = new StepRunner(steps, runs, Options.Create(new ScheduleOptions()), new ShutdownSignal(), Time, NullLogger<StepRunner>.Instance);
        return new StepJob(runner, Locks, new JobControlStore(Database, Time), new BackgroundJobClient(_storage), new SchedulerNode("node-a"), NullLogger<StepJob>.Instance);
    }

    /// <summary>A queued ingest of the daily chain, as Hangfire hands it to a worker.</summary>
    private PerformContext Queued()
    {
        var id = new BackgroundJobClient(_storage).Enqueue<StepJob>(j => j.RunAsync("ingest", "Scoring", true, null, CancellationToken.None));
        using var connection = _storage.GetConnection();
        var data = connection.GetJobData(id);
        return new PerformContext(_storage, _storage.GetConnection(), new BackgroundJob(id, data.Job, data.CreatedAt), new NoCancellation());
    }

    private int Continuations(string id)
    {
        using var connection = _storage.GetConnection();
        return connection.GetJobParameter(id, "Continuations") is { } json ? JsonDocument.Parse(json).RootElement.GetArrayLength() : 0;
    }

    [StoreFact]
    public async Task RunAsync_ChainStepRunAgainAfterACrash_AddsItsSuccessorOnce()
    {
        var context = Queued();
        var job = Job(new Steps(() => 12));

        await job.RunAsync("ingest", "Scoring", true, context, CancellationToken.None);
        await job.RunAsync("ingest", "Scoring", true, context, CancellationToken.None); // the same Hangfire job again

        Assert.Equal(1, Continuations(context.BackgroundJob.Id));
        using var connection = _storage.GetConnection();
        var successor = connection.GetJobData(context.GetJobParameter<string>(StepJob.SuccessorParameter));
        Assert.Equal(["score", "chain after ingest", true], successor.Job.Args.Take(3).ToArray());
        Assert.Equal("Awaiting", successor.State);
    }

    [StoreFact]
    public async Task RunAsync_StepFails_ThrowsRecordsItAndAddsNoSuccessor()
    {
        var context = Queued();

        var failure = await Assert.ThrowsAsync<StepFailedException>(() =>
            Job(new Steps(() => throw new InvalidOperationException("no backtest"))).RunAsync("ingest", "Scoring", true, context, CancellationToken.None));

        Assert.Equal("Job ingest failed: no backtest", failure.Message);
        Assert.Equal(0, Continuations(context.BackgroundJob.Id));
        await using var store = await Database.OpenAsync(CancellationToken.None);
        Assert.Equal(
            [("ingest", "failed", context.BackgroundJob.Id)],
            (await store.QueryAsync<(string, string, string)>("SELECT job, status, hangfire_job_id FROM job_runs")).ToList());
    }

    [StoreFact]
    public async Task RunAsync_JobPausedWhenItsChainReachesIt_HoldsTheLinkAndRunsNothing()
    {
        var control = new JobControlStore(Database, Time);
        await control.PauseAsync("score", alongside: null, CancellationToken.None);
        var calls = 0;

        await Job(new Steps(() => ++calls)).RunAsync("score", "chain after ingest", true, Queued(), CancellationToken.None);

        Assert.Equal(0, calls);
        Assert.Equal("chain after ingest", (await control.PausesAsync(CancellationToken.None))["score"].HeldTrigger);
    }

    [StoreFact]
    public async Task AcquireAsync_SecondRunOfAJob_WaitsUntilTheFirstReleases()
    {
        var first = await Locks.AcquireAsync("score", CancellationToken.None);
        var second = Locks.AcquireAsync("score", CancellationToken.None);
        var other = await Locks.AcquireAsync("signals", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(5))).DisposeAsync();
        await other.DisposeAsync();
    }

    public void Dispose()
    {
        _storage.Dispose();
        GC.SuppressFinalize(this);
    }
}
