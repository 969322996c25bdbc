using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Configuration;

/// <summary>The ChurnWatch store (section <c>Store</c>): ingested data, features, models, scores, signals, runs.</summary>
internal sealed class StoreOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Store";

    /// <summary>Store provider. Default <see cref="StoreProvider.Sqlite"/>; PostgreSQL and SQL Server follow.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>Folder for the embedded store and the generated sample source. Default <c>data</c>, relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataFolder { get; set; } = "data";

    /// <summary>File name of the embedded SQLite store inside <see cref="DataFolder"/>. Default <c>churnwatch.db</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^[A-Za-z0-9._-]+$", ErrorMessage = "Store:SqliteFile must be a plain file name (letters, digits, '.', '_', '-').")]
    public string SqliteFile { get; set; } = "churnwatch.db";

    /// <summary>The SQLite connection string for the embedded store.</summary>
    public string SqliteConnectionString =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder, SqliteFile), Pooling = false }.ToString();
}
