using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Sources;

namespace ChurnWatch.Worker.Tests.Bench;

/// <summary>bench/ingest.sh times psql on copies of the default usage queries: they must stay the dialect's own.</summary>
public sealed class IngestBenchScriptTests
{
    [Theory]
    [InlineData("daily_sql", "UsageDaily")]
    [InlineData("weekly_sql", "UsageWeekly")]
    public void Script_UsageQuery_IsTheDialectsDefaultQuery(string variable, string entityName)
    {
        var entity = Enum.Parse<SourceEntity>(entityName);
        var script = File.ReadAllLines(Path.Combine(RepositoryRoot(), "bench", "ingest.sh"));
        var prefix = variable + "=\"";

        var line = Assert.Single(script, l => l.StartsWith(prefix, StringComparison.Ordinal));

        Assert.Equal(new PostgreSqlSourceDialect().DefaultQuery(entity), line[prefix.Length..^1]);
    }

    [Fact]
    public void Script_Since_IsTheBeginningOfTheSourceDialect()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "bench", "ingest.sh"));

        Assert.Contains($"since=\"'{SourceDialect.Beginning:yyyy-MM-dd HH:mm:ss}+00'::timestamptz\"", script, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ChurnWatch.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ChurnWatch.sln not found above the test binaries.");
    }
}
