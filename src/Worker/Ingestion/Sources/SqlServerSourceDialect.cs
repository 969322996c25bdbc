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
    protected override string Day => "CAST(occurred_at AS date)";

    // 1900-01-01 was a Monday: whole weeks since then give the Monday on or before a day, whatever @@DATEFIRST says.
    protected override string WeekStart => "DATEADD(day, -(DATEDIFF(day, '19000101', CAST(occurred_at AS date)) % 7), CAST(occurred_at AS date))";

    public override SourceProvider Provider => SourceProvider.SqlServer;

    public override string TableExists => "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = @name";

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server database '{builder.InitialCatalog}' on {builder.DataSource}";
    }

    protected override string SumOfQuantity => "SUM(CAST(quantity AS bigint))";
}
