using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Configuration;

/// <summary>The ChurnWatch store (section <c>Store</c>): ingested data, predictor snapshots, models, scores, signals, runs.</summary>
internal sealed class StoreOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Store";

    /// <summary>Store provider: <c>Sqlite</c> (default), <c>PostgreSql</c> or <c>SqlServer</c>.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>
    /// Connection string of a PostgreSQL or SQL Server store; required for them, ignored for SQLite. Default: empty.
    /// Never logged or printed: it may hold a password.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the embedded store and the generated sample source. Default <c>data</c>, relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataFolder { get; set; } = "data";

    /// <summary>File name of the embedded SQLite store inside <see cref="DataFolder"/>. Default <c>churnwatch.db</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^[A-Za-z0-9._-]+$", ErrorMessage = "Store:SqliteFile must be a plain file name (letters, digits, '.', '_', '-').")]
    public string SqliteFile { get; set; } = "churnwatch.db";

    /// <summary>
    /// Accounts the pipeline reads, computes and frees at a time (their usage, tickets, invoices and payments): its
    /// memory grows with this, not with the company. Default 5,000 (about 0.5 GB with two years of daily usage of
    /// eight features); range 100-1,000,000.
    /// </summary>
    [Range(100, 1_000_000)]
    public int AccountsPerBatch { get; set; } = 5_000;

    /// <summary>The SQLite connection string for the embedded store.</summary>
    public string SqliteConnectionString =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder, SqliteFile), Pooling = false }.ToString();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (File.Exists(DataFolder))
        {
            yield return new ValidationResult($"'{DataFolder}' is a file; give a folder (it is created if missing).", [nameof(DataFolder)]);
        }

        if (Provider == StoreProvider.Sqlite)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"Required when Store:Provider is {Provider}.", [nameof(ConnectionString)]);
            yield break;
        }

        // Messages leave out the key: the command line's error names it (Store:ConnectionString: ...).
        var problem = ConnectionStringSyntax.ProblemOf(ConnectionString, Provider == StoreProvider.PostgreSql
            ? s => new Npgsql.NpgsqlConnectionStringBuilder(s)
            : s => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(s));
        if (problem is not null)
        {
            yield return new ValidationResult($"Not a valid {Provider} connection string: {problem}", [nameof(ConnectionString)]);
        }
    }
}
