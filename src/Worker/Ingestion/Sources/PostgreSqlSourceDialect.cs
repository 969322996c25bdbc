using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using Npgsql;

namespace ChurnWatch.Worker.Ingestion.Sources;

/// <summary>A PostgreSQL source: contract timestamps are <c>timestamptz</c>, days and weeks are taken in UTC.</summary>
internal sealed class PostgreSqlSourceDialect : SourceDialect
{
    protected override string Day => "(occurred_at AT TIME ZONE 'UTC')::date";

    // date_trunc('week') starts weeks on Monday (ISO 8601).
    protected override string WeekStart => "date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date";

    public override SourceProvider Provider => SourceProvider.PostgreSql;

    public override string TableExists =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = @name AND table_schema = ANY (current_schemas(false))";

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    protected override string SumOfQuantity => "SUM(quantity)::bigint";
}
