using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Access;

public sealed class SqliteAuditStoreTests : AuditStoreTests<SqliteTestProvider>;

public sealed class PostgreSqlAuditStoreTests : AuditStoreTests<PostgreSqlTestProvider>;

/// <summary>The audit trail: recorded with the time, read newest first, filtered by date, limited; never changed.</summary>
public abstract class AuditStoreTests<TProvider> : StoreTestBase<TProvider>
    where TProvider : StoreTestProvider, new()
{
    [StoreFact]
    public async Task ListAsync_ThreeEvents_NewestFirstWithEveryField()
    {
        var audit = new AuditStore(Database, Time);
        await audit.RecordAsync("ops", AuditActions.UserAdded, "ann@example.com", AuditSources.CommandLine, "role admin", CancellationToken.None);
        Time.Now = Time.Now.AddDays(1);
        await audit.RecordAsync("ann@example.com", AuditActions.JobPaused, "forecast", "203.0.113.9", "", CancellationToken.None);
        Time.Now = Time.Now.AddDays(1);
        await audit.RecordAsync(AuditSources.Anonymous, AuditActions.SignInFailed, "mallory", "198.51.100.7", "", CancellationToken.None);

        var all = await audit.ListAsync(null, 10, CancellationToken.None);

        Assert.Equal(
            [("2026-03-04T06:00:00Z", "anonymous", "sign_in_failed", "mallory", "198.51.100.7", ""),
             ("2026-03-03T06:00:00Z", "ann@example.com", "job_paused", "forecast", "203.0.113.9", ""),
             ("2026-03-02T06:00:00Z", "ops", "user_added", "ann@example.com", "cli", "role admin")],
            all.Select(e => (e.At, e.Actor, e.Action, e.Target, e.Source, e.Detail)));
        Assert.True(all[0].EventId > all[1].EventId && all[1].EventId > all[2].EventId);
    }

    [StoreFact]
    public async Task ListAsync_SinceAndLimit_OnlyTheNewestOnOrAfterTheDate()
    {
        var audit = new AuditStore(Database, Time);
        foreach (var job in new[] { "ingest", "score", "signals", "reports" })
        {
            await audit.RecordAsync("ops", AuditActions.JobTriggered, job, AuditSources.CommandLine, "", CancellationToken.None);
            Time.Now = Time.Now.AddDays(1);
        }

        var since = await audit.ListAsync(new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc), 10, CancellationToken.None);
        var limited = await audit.ListAsync(null, 2, CancellationToken.None);

        Assert.Equal(["reports", "signals", "score"], since.Select(e => e.Target));
        Assert.Equal(["reports", "signals"], limited.Select(e => e.Target));
    }
}
