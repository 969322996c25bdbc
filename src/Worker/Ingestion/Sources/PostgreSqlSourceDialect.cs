using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using Npgsql;

namespace ChurnWatch.Worker.Ingestion.Sources;

/// <summary>A PostgreSQL source: contract timestamps are <c>timestamptz</c>, days and weeks are taken in UTC.</summary>
internal sealed class PostgreSqlSourceDialect : SourceDialect
{
    private const string Day = "(occurred_at AT TIME ZONE 'UTC')::date";

    // date_trunc('week') starts weeks on Monday (ISO 8601).
    private const string WeekStart = "date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date";

    public override SourceProvider Provider => SourceProvider.PostgreSql;

    public override string TableExists =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = @name AND table_schema = ANY (current_schemas(false))";

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    public override string DefaultQuery(SourceEntity entity) => entity switch
    {
        SourceEntity.UsageDaily =>
            $"SELECT account_id AS AccountId, feature AS Feature, {Day} AS Day, SUM(quantity)::bigint AS Events, COUNT(DISTINCT user_id) AS ActiveUsers " +
            $"FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, {Day}",
        SourceEntity.UsageWeekly =>
            $"SELECT account_id AS AccountId, feature AS Feature, {WeekStart} AS WeekStart, SUM(quantity)::bigint AS Events, COUNT(DISTINCT user_id) AS ActiveUsers " +
            $"FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, {WeekStart} " +
            $"UNION ALL SELECT account_id, '*', {WeekStart}, SUM(quantity)::bigint, COUNT(DISTINCT user_id) FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, {WeekStart}",
        _ => CommonQuery(entity),
    };
}
