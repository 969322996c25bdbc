using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Scheduling;
using Microsoft.Data.Sqlite;

namespace ChurnWatch.Worker.Tests.Scheduling;

public sealed class TransientFailureTests
{
    [Fact]
    public void Is_TimeoutWrappedInAnotherException_True()
    {
        Assert.True(TransientFailure.Is(new InvalidOperationException("query failed", new TimeoutException("30 s"))));
    }

    [Fact]
    public void Is_SqliteBusy_True()
    {
        Assert.True(TransientFailure.Is(new SqliteException("database is locked", 5)));
    }

    [Fact]
    public void Is_BadSourceData_False()
    {
        Assert.False(TransientFailure.Is(new SourceDataException("table accounts is missing")));
    }

    [Fact]
    public void Is_ProgrammingError_False()
    {
        Assert.False(TransientFailure.Is(new InvalidOperationException("no backtest")));
    }

    [Fact]
    public void Backoff_ThirtySecondsFirst_DoublesEachRetry()
    {
        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240)],
            Enumerable.Range(1, 4).Select(attempt => TransientFailure.Backoff(TimeSpan.FromSeconds(30), attempt, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Backoff_LongRun_StopsAtTheMaximum()
    {
        Assert.Equal(
            [TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)],
            Enumerable.Range(1, 4).Select(attempt => TransientFailure.Backoff(TimeSpan.FromMinutes(4), attempt, TimeSpan.FromMinutes(10))));
    }
}
