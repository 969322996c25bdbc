using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class SqliteStepRunnerTests : StepRunnerTests<SqliteTestProvider>;

public sealed class PostgreSqlStepRunnerTests : StepRunnerTests<PostgreSqlTestProvider>;

/// <summary>Retries, permanent failures, cancellation and recovery as recorded in run history, without Hangfire.</summary>
public abstract class StepRunnerTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private sealed class ScriptedSteps(params Func<long>[] attempts) : IJobSteps
    {
        public int Calls { get; private set; }

        public Task<long> RunAsync(string job, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(attempts[Calls++]());
        }
    }

    private StepRunner Runner(IJobSteps steps, int retries = 3) =>
        new(steps, new RunHistoryStore(Database, Time), Options.Create(new ScheduleOptions { Retries = retries, RetryDelay = TimeSpan.FromMilliseconds(10) }),
            new ShutdownSignal(), Time, NullLogger<StepRunner>.Instance);

    private async Task<List<(string Job, string? Trigger, string? Node, string Status, long? Rows, string? Error)>> RunsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string, string?, string?, string, long?, string?)>(
            "SELECT job, trigger_name, node, status, rows_affected, error FROM job_runs ORDER BY run_id")).ToList();
    }

    [StoreFact]
    public async Task RunAsync_TwoTimeoutsThenSuccess_RetriesAndRecordsOneSucceededRun()
    {
        var steps = new ScriptedSteps(() => throw new TimeoutException("slow"), () => throw new TimeoutException("slow"), () => 42);

        var outcome = await Runner(steps).RunAsync(new StepRun("ingest", "Ingest", "node-a", "11", Chain: false), CancellationToken.None);

        Assert.Equal(new StepOutcome("succeeded", 42, null, 3), outcome);
        Assert.Equal(3, steps.Calls);
        Assert.Equal([("ingest", "Ingest", "node-a", "succeeded", 42L, null)], await RunsAsync());
    }

    [StoreFact]
    public async Task RunAsync_TransientFailureBeyondRetries_RecordsFailedAfterEveryAttempt()
    {
        var steps = new ScriptedSteps(() => throw new TimeoutException("slow"), () => throw new TimeoutException("slow"), () => throw new TimeoutException("still slow"));

        var outcome = await Runner(steps, retries: 2).RunAsync(new StepRun("score", null, "node-a", "12", Chain: false), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(3, steps.Calls);
        Assert.Equal([("score", null, "node-a", "failed", null, "still failing after 3 attempts: still slow")], await RunsAsync());
    }

    [StoreFact]
    public async Task RunAsync_PermanentFailure_NoRetryAndFailedWithItsError()
    {
        var steps = new ScriptedSteps(() => throw new InvalidOperationException("The churn model has no backtest"));

        var outcome = await Runner(steps).RunAsync(new StepRun("reports", "Reports", "node-a", "13", Chain: false), CancellationToken.None);

        Assert.Equal(new StepOutcome("failed", null, "The churn model has no backtest", 1), outcome);
        Assert.Equal([("reports", "Reports", "node-a", "failed", null, "permanent failure: The churn model has no backtest")], await RunsAsync());
    }

    [StoreFact]
    public async Task RunAsync_CancelledDuringTheStep_RecordsCancelledAndRethrows()
    {
        using var cancel = new CancellationTokenSource();
        var steps = new ScriptedSteps(() =>
        {
            cancel.Cancel();
            throw new OperationCanceledException(cancel.Token);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(steps).RunAsync(new StepRun("ingest", null, "node-a", "14", Chain: false), cancel.Token));

        Assert.Equal([("ingest", null, "node-a", "cancelled", null, "cancelled while stopping; the step's unfinished unit of work was rolled back")], await RunsAsync());
    }

    [StoreFact]
    public async Task RunAsync_SameHangfireJobAgain_MarksTheDeadNodesRunInterruptedThenRunsAgain()
    {
        var runs = new RunHistoryStore(Database, Time);
        await runs.StartAsync(new StepRun("score", "chain after ingest", "node-b", "42", Chain: true), CancellationToken.None);
        await runs.StartAsync(new StepRun("score", "Ingest", "node-c", "41", Chain: false), CancellationToken.None); // another Hangfire job, still running
        Time.Now = Time.Now.AddSeconds(20);

        await Runner(new ScriptedSteps(() => 7)).RunAsync(new StepRun("score", "chain after ingest", "node-a", "42", Chain: true), CancellationToken.None);

        Assert.Equal(
            [("score", "chain after ingest", "node-b", "interrupted", null, "the node running it stopped; recovered by another run"),
             ("score", "Ingest", "node-c", "running", null, null),
             ("score", "chain after ingest", "node-a", "succeeded", 7L, null)],
            await RunsAsync());
    }
}
