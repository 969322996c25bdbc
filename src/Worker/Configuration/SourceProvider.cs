namespace ChurnWatch.Worker.Configuration;

/// <summary>Which database holds the company's own data.</summary>
internal enum SourceProvider
{
    /// <summary>A SQLite file in the source contract (the generated sample company by default).</summary>
    Sqlite,

    /// <summary>PostgreSQL, through Npgsql.</summary>
    PostgreSql,

    /// <summary>SQL Server, through Microsoft.Data.SqlClient.</summary>
    SqlServer,

    /// <summary>No database: every entity comes from CSV drops.</summary>
    None,
}
