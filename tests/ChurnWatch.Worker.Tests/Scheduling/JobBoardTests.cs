using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Scheduling;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class SqliteJobBoardTests : JobBoardTests<SqliteTestProvider>;

public sealed class PostgreSqlJobBoardTests : JobBoardTests<PostgreSqlTestProvider>;

/// <summary>
/// Pause, resume and trigger as <c>churnwatch jobs</c> and the dashboard use them: each change is stored with its audit
/// event or not at all, and a resume asks for the runs the pause held back in the same transaction.
/// </summary>
public abstract class JobBoardTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    private static readonly AlongsideWrite Failing = (_, _) => throw new InvalidOperationException("audit write failed");

    [StoreFact]
    public async Task ResumeAsync_AfterADayPaused_AsksOnceForEachScheduleThatMissedASlot()
    {
        var (board, audit) = Board();
        Assert.True(await board.PauseAsync(IngestJob.Name, Recorded(audit, AuditActions.JobPaused), CancellationToken.None));
        // Paused Monday 06:00; by Tuesday 06:00 the hourly ingest and the daily 05:30 scoring chain both missed slots.
        Time.Now = Time.Now.AddDays(1);

        var runs = await board.ResumeAsync(IngestJob.Name, Recorded(audit, AuditActions.JobResumed), CancellationToken.None);

        Assert.Equal(2, runs);
        Assert.Equal([(IngestJob.Name, false, nameof(ScheduleOptions.Ingest)), (IngestJob.Name, true, nameof(ScheduleOptions.Scoring))], await RequestsAsync());
        Assert.Empty(await Control.PausesAsync(CancellationToken.None));
        Assert.Equal([AuditActions.JobResumed, AuditActions.JobPaused], await ActionsAsync(audit));
    }

    [StoreFact]
    public async Task ResumeAsync_ChainHeldAtTheJob_AsksForThatLinkOnce()
    {
        var (board, audit) = Board();
        await board.PauseAsync(ScoreJob.Name, Recorded(audit, AuditActions.JobPaused), CancellationToken.None);
        Assert.True(await Control.HoldAsync(ScoreJob.Name, "chain after ingest", CancellationToken.None));

        var runs = await board.ResumeAsync(ScoreJob.Name, Recorded(audit, AuditActions.JobResumed), CancellationToken.None);

        Assert.Equal(1, runs);
        Assert.Equal([(ScoreJob.Name, true, "chain after ingest")], await RequestsAsync());
    }

    [StoreFact]
    public async Task PauseResumeAndTrigger_WhenTheirAuditEventFails_StoreNothing()
    {
        var (board, audit) = Board();

        await Assert.ThrowsAsync<InvalidOperationException>(() => board.PauseAsync(ForecastJob.Name, Failing, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => board.TriggerAsync(ForecastJob.Name, chain: false, "manual", Failing, CancellationToken.None));
        Assert.Empty(await Control.PausesAsync(CancellationToken.None));
        Assert.Empty(await RequestsAsync());

        // A resume that owes runs: the pause's end and the requests roll back with the event that failed.
        await board.PauseAsync(IngestJob.Name, Recorded(audit, AuditActions.JobPaused), CancellationToken.None);
        Time.Now = Time.Now.AddDays(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => board.ResumeAsync(IngestJob.Name, Failing, CancellationToken.None));
        Assert.Equal([IngestJob.Name], (await Control.PausesAsync(CancellationToken.None)).Keys);
        Assert.Empty(await RequestsAsync());
        Assert.Equal([AuditActions.JobPaused], await ActionsAsync(audit));

        // Run again, it ends as one clean resume would have.
        Assert.Equal(2, await board.ResumeAsync(IngestJob.Name, Recorded(audit, AuditActions.JobResumed), CancellationToken.None));
        Assert.Equal(2, (await RequestsAsync()).Count);
    }

    [StoreFact]
    public async Task PauseAsync_AuditTrailUnwritable_FailsAndLeavesTheJobRunning()
    {
        var (board, audit) = Board();
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            // A real database error from the audit insert (not the race the pause tolerates): it must reach the caller.
            await connection.ExecuteAsync("ALTER TABLE audit_events RENAME TO audit_events_moved");
        }

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => board.PauseAsync(ForecastJob.Name, Recorded(audit, AuditActions.JobPaused), CancellationToken.None));

        Assert.Empty(await Control.PausesAsync(CancellationToken.None));
    }

    [StoreFact]
    public async Task PauseAndResume_NothingToChange_SayNoAndLeaveNoEvent()
    {
        var (board, audit) = Board();

        Assert.True(await board.PauseAsync(ForecastJob.Name, Recorded(audit, AuditActions.JobPaused), CancellationToken.None));
        Assert.False(await board.PauseAsync(ForecastJob.Name, Recorded(audit, AuditActions.JobPaused), CancellationToken.None));
        Assert.Equal(0, await board.ResumeAsync(ForecastJob.Name, Recorded(audit, AuditActions.JobResumed), CancellationToken.None));
        Assert.Null(await board.ResumeAsync(ForecastJob.Name, Recorded(audit, AuditActions.JobResumed), CancellationToken.None));

        Assert.Equal([AuditActions.JobResumed, AuditActions.JobPaused], await ActionsAsync(audit));
        Assert.Empty(await RequestsAsync());
    }

    private JobControlStore Control => new(Database, Time);

    private (JobBoard Board, AuditStore Audit) Board() =>
        (new JobBoard(Control, new RunHistoryStore(Database, Time), Options.Create(new ScheduleOptions()), Time), new AuditStore(Database, Time));

    private static AlongsideWrite Recorded(AuditStore audit, string action) =>
        (transaction, token) => audit.RecordAsync(transaction, "ops", action, "job", AuditSources.CommandLine, "", token);

    private static async Task<List<string>> ActionsAsync(AuditStore audit) =>
        [.. (await audit.ListAsync(null, 10, CancellationToken.None)).Select(e => e.Action)];

    private async Task<List<(string Job, bool Chain, string FiredBy)>> RequestsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var requests = await connection.QueryAsync<JobRequest>(
            "SELECT request_id AS RequestId, job AS Job, chain AS ChainFlag, fired_by AS FiredBy FROM job_requests ORDER BY request_id");
        return [.. requests.Select(r => (r.Job, r.Chain, r.FiredBy))];
    }
}
