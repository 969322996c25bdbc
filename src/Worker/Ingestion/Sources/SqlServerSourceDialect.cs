using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using Microsoft.Data.SqlClient;

namespace ChurnWatch.Worker.Ingestion.Sources;

/// <summary>
/// A SQL Server source: contract timestamps are <c>datetime2</c> in UTC. Written for T-SQL and checked without a
/// server (none can run where ChurnWatch is built); see the README.
/// </summary>
internal sealed class SqlServerSourceDialect : SourceDialect
{
    private const string Day = "CAST(occurred_at AS date)";

    // 1900-01-01 was a Monday: whole weeks since then give the Monday on or before a day, whatever @@DATEFIRST says.
    private const string WeekStart = "DATEADD(day, -(DATEDIFF(day, '19000101', CAST(occurred_at AS date)) % 7), CAST(occurred_at AS date))";

    public override SourceProvider Provider => SourceProvider.SqlServer;

    public override string TableExists => "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = @name";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server database '{builder.InitialCatalog}' on {builder.DataSource}";
    }

    public override string DefaultQuery(SourceEntity entity) => entity switch
    {
        SourceEntity.UsageDaily =>
            $"SELECT account_id AS AccountId, feature AS Feature, {Day} AS Day, SUM(CAST(quantity AS bigint)) AS Events, COUNT(DISTINCT user_id) AS ActiveUsers " +
            $"FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, {Day}",
        SourceEntity.UsageWeekly =>
            $"SELECT account_id AS AccountId, feature AS Feature, {WeekStart} AS WeekStart, SUM(CAST(quantity AS bigint)) AS Events, COUNT(DISTINCT user_id) AS ActiveUsers " +
            $"FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, {WeekStart} " +
            $"UNION ALL SELECT account_id, '*', {WeekStart}, SUM(CAST(quantity AS bigint)), COUNT(DISTINCT user_id) FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, {WeekStart}",
        _ => CommonQuery(entity),
    };
}
