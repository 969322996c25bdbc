namespace ChurnWatch.Worker.Configuration;

/// <summary>Where ChurnWatch keeps its own store.</summary>
internal enum StoreProvider
{
    /// <summary>A SQLite file in <see cref="StoreOptions.DataFolder"/> (the embedded default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database given by <see cref="StoreOptions.ConnectionString"/>.</summary>
    PostgreSql,

    /// <summary>A SQL Server database given by <see cref="StoreOptions.ConnectionString"/> (not yet run against a live server).</summary>
    SqlServer,
}
