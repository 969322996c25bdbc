using System.Text;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Store;

/// <summary>The SQL text the PostgreSQL and SQLite dialects write; their behaviour is proven by the store tests on real databases.</summary>
public sealed class PostgreSqlDialectTests
{
    private static readonly PostgreSqlDialect Dialect = (PostgreSqlDialect)StoreDialect.PostgreSql;

    [Fact]
    public void Upsert_SomeColumns_UpdatesOnlyThose()
    {
        Assert.Equal(
            "INSERT INTO \"models\" (\"model_id\", \"trained_at\", \"model\") VALUES (@model_id, @trained_at, @model) ON CONFLICT (\"model_id\") DO UPDATE SET \"trained_at\" = excluded.\"trained_at\"",
            Dialect.Upsert("models", ["model_id", "trained_at", "model"], ["model_id"], ["trained_at"]));
    }

    [Fact]
    public void Upsert_SqliteAndPostgreSql_WriteTheSameStatement()
    {
        Assert.Equal(
            StoreDialect.Sqlite.Upsert("source_freshness", ["entity", "row_count"], ["entity"]),
            Dialect.Upsert("source_freshness", ["entity", "row_count"], ["entity"]));
    }

    [Fact]
    public void InsertBatch_Keys_IsAMultiRowInsertOnConflict()
    {
        Assert.Equal(
            "INSERT INTO \"payment_attempts\" (\"invoice_id\", \"attempted_at\", \"succeeded\") VALUES (@p0, @p1, @p2), (@p3, @p4, @p5) "
            + "ON CONFLICT (\"invoice_id\", \"attempted_at\") DO UPDATE SET \"succeeded\" = excluded.\"succeeded\"",
            Dialect.InsertBatch("payment_attempts", ["invoice_id", "attempted_at", "succeeded"], 2, ["invoice_id", "attempted_at"]));
    }

    [Fact]
    public void InsertReturning_JobRuns_EndsWithReturning()
    {
        Assert.EndsWith("RETURNING \"run_id\"", Dialect.InsertReturning("job_runs", ["job"], "run_id"), StringComparison.Ordinal);
    }

    [Fact]
    public void AppendCopyText_Values_AreEscapedForCopysTextFormat()
    {
        var line = new StringBuilder();
        foreach (var value in new object?[] { "a\tb\\c\nd\re", null, DBNull.Value, 42L, 0.1, 1e300, -0.0 })
        {
            PostgreSqlDialect.AppendCopyText(line, value);
            line.Append('|');
        }

        Assert.Equal("a\\tb\\\\c\\nd\\re|\\N|\\N|42|0.1|1E+300|-0|", line.ToString());
    }

    [Fact]
    public async Task OpenAsync_UnreachableServer_NamesHostPortAndDatabaseButNotThePassword()
    {
        using var folder = new TempFolder();
        var options = new StoreOptions
        {
            Provider = StoreProvider.PostgreSql,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=churnwatch;Username=cw;Password=S3cret-Pa55;Timeout=2",
            DataFolder = folder.Path,
        };
        var database = new StoreDatabase(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => database.OpenAsync(CancellationToken.None));

        Assert.Contains("'churnwatch' on 127.0.0.1:1 (Store:ConnectionString)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret-Pa55", error.ToString(), StringComparison.Ordinal);
    }
}
