using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.Store.Migrations;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Store;

/// <summary>
/// SQL Server cannot run here (no engine): everything up to the connection is checked instead, the T-SQL text the
/// dialect writes, the migration scripts, and the error an unreachable server gives.
/// </summary>
public sealed class SqlServerDialectTests
{
    private static readonly SqlServerDialect Dialect = (SqlServerDialect)StoreDialect.SqlServer;

    [Fact]
    public void Upsert_Freshness_IsAMergeWithHoldlockOnTheKey()
    {
        var sql = Dialect.Upsert("source_freshness", ["entity", "provided", "row_count"], ["entity"]);

        Assert.Equal(
            "MERGE INTO [source_freshness] WITH (HOLDLOCK) AS target USING (VALUES (@entity, @provided, @row_count)) AS source ([entity], [provided], [row_count]) "
            + "ON target.[entity] = source.[entity] "
            + "WHEN MATCHED THEN UPDATE SET target.[provided] = source.[provided], target.[row_count] = source.[row_count] "
            + "WHEN NOT MATCHED THEN INSERT ([entity], [provided], [row_count]) VALUES (source.[entity], source.[provided], source.[row_count]);",
            sql);
    }

    [Fact]
    public void Upsert_OnlyKeyColumns_HasNoUpdateBranch()
    {
        var sql = Dialect.Upsert("csv_imports", ["content_sha256"], ["content_sha256"]);

        Assert.DoesNotContain("WHEN MATCHED", sql, StringComparison.Ordinal);
        Assert.EndsWith("WHEN NOT MATCHED THEN INSERT ([content_sha256]) VALUES (source.[content_sha256]);", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertReturning_JobRuns_UsesOutputInserted()
    {
        Assert.Equal(
            "INSERT INTO [job_runs] ([job], [started_at], [status]) OUTPUT INSERTED.[run_id] VALUES (@job, @started_at, @status)",
            Dialect.InsertReturning("job_runs", ["job", "started_at", "status"], "run_id"));
    }

    [Fact]
    public void InsertBatch_NoKeys_IsOneMultiRowInsertWithNumberedParameters()
    {
        Assert.Equal(
            "INSERT INTO [subscriptions] ([subscription_id], [plan]) VALUES (@p0, @p1), (@p2, @p3)",
            Dialect.InsertBatch("subscriptions", ["subscription_id", "plan"], 2, null));
    }

    [Fact]
    public void InsertBatch_CompositeKey_MergesOnEveryKeyColumn()
    {
        var sql = Dialect.InsertBatch("usage_daily", ["account_id", "feature", "day", "events"], 2, ["account_id", "feature", "day"]);

        Assert.StartsWith("MERGE INTO [usage_daily] WITH (HOLDLOCK) AS target USING (VALUES (@p0, @p1, @p2, @p3), (@p4, @p5, @p6, @p7)) AS source", sql, StringComparison.Ordinal);
        Assert.Contains("ON target.[account_id] = source.[account_id] AND target.[feature] = source.[feature] AND target.[day] = source.[day] WHEN MATCHED THEN UPDATE SET target.[events] = source.[events] ", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchLimits_WidestTable_StayUnderSqlServersParameterAndRowLimits()
    {
        var widest = HistoryColumns.Subscriptions.Length;
        var rows = Math.Min(SqlServerDialect.MaxParameters / widest, SqlServerDialect.MaxRowsPerStatement);

        Assert.True(rows * widest <= 2_100, $"{rows} rows x {widest} columns");
        Assert.True(SqlServerDialect.MaxRowsPerStatement <= 1_000);
    }

    [Fact]
    public void CreateMigrationHistoryTable_ChecksForTheTableFirst()
    {
        Assert.StartsWith("IF OBJECT_ID(N'schema_migrations', N'U') IS NULL CREATE TABLE schema_migrations", Dialect.CreateMigrationHistoryTable, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrationLock_IsAnApplicationLockOwnedByTheTransaction()
    {
        Assert.Contains("sp_getapplock @Resource = N'churnwatch_schema_migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction'", Dialect.MigrationLock, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrationCatalog_SqlServer_HasEverySqliteVersionNumberedAndNonEmpty()
    {
        var sqlite = MigrationCatalog.For(StoreProvider.Sqlite);
        var sqlServer = MigrationCatalog.For(StoreProvider.SqlServer);

        Assert.Equal(sqlite.Select(m => (m.Version, m.Name)), sqlServer.Select(m => (m.Version, m.Name)));
        Assert.All(sqlServer, m => Assert.Matches(@"(?m)^(CREATE|ALTER) ", m.Sql));
    }

    [Fact]
    public void Migrations_SqlServer_CreateTheSameTablesAndColumnsAsSqlite_WithoutSqliteOnlySyntax()
    {
        static IEnumerable<string> Columns(string sql) =>
            System.Text.RegularExpressions.Regex.Matches(sql, @"CREATE TABLE (\w+) \((.*?)\n\)[^;\n]*;", System.Text.RegularExpressions.RegexOptions.Singleline)
                .SelectMany(t => t.Groups[2].Value.Split('\n')
                    .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\s+\[?(\w+)\]?\s+[A-Z]"))
                    .Where(c => c.Success && c.Groups[1].Value != "PRIMARY")
                    .Select(c => $"{t.Groups[1].Value}.{c.Groups[1].Value}"));

        var sqlite = MigrationCatalog.For(StoreProvider.Sqlite).SelectMany(m => Columns(m.Sql)).Order(StringComparer.Ordinal).ToList();
        var sqlServer = MigrationCatalog.For(StoreProvider.SqlServer).SelectMany(m => Columns(m.Sql)).Order(StringComparer.Ordinal).ToList();

        Assert.True(sqlite.Count > 80, $"{sqlite.Count} columns parsed");
        Assert.Equal(sqlite, sqlServer);
        // Comments name the SQLite types they replace: only the statements count.
        var all = string.Join("\n", MigrationCatalog.For(StoreProvider.SqlServer).SelectMany(m => m.Sql.Split('\n')).Select(l => l.Split("--")[0]));
        foreach (var sqliteOnly in new[] { "AUTOINCREMENT", "WITHOUT ROWID", " TEXT ", " REAL ", " INTEGER ", "IF NOT EXISTS" })
        {
            Assert.DoesNotContain(sqliteOnly, all, StringComparison.Ordinal);
        }

        Assert.Contains("[plan]", all, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX ux_signals_live ON signals (account_id, kind) WHERE state <> 'resolved';", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_UnreachableServer_OneErrorNamingTheServerAndTheSettingButNotThePassword()
    {
        using var folder = new TempFolder();
        var options = new StoreOptions
        {
            Provider = StoreProvider.SqlServer,
            ConnectionString = "Server=tcp:127.0.0.1,1;Database=churnwatch;User ID=cw;Password=S3cret-Pa55;Connect Timeout=2",
            DataFolder = folder.Path,
        };
        var database = new StoreDatabase(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => database.OpenAsync(CancellationToken.None));

        Assert.Contains("tcp:127.0.0.1,1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Store:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret-Pa55", error.ToString(), StringComparison.Ordinal);
    }
}
