using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Configuration;

/// <summary>The company's source database (section <c>Source</c>).</summary>
internal sealed class SourceOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Source";

    /// <summary>Source provider: Sqlite (default), PostgreSql, SqlServer, or None when every entity comes from CSV drops.</summary>
    public SourceProvider Provider { get; set; } = SourceProvider.Sqlite;

    /// <summary>
    /// Connection string to the source. Default: the generated sample company, <c>Data Source=data/sample-company.db</c>.
    /// Never logged or printed: it may hold a password.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/sample-company.db";

    /// <summary>
    /// The company's own SELECT for an entity, replacing the default (keys: accounts, subscriptions, usage_daily,
    /// usage_weekly, tickets, invoices, payment_attempts). It must return the contract's columns under the names the
    /// default uses, and may filter on the <c>@since</c> parameter to read only what changed (see samples/source-queries).
    /// </summary>
#pragma warning disable CA2227 // bound from configuration, which needs a settable dictionary
    public Dictionary<string, string> Queries { get; set; } = new(StringComparer.OrdinalIgnoreCase);
#pragma warning restore CA2227

    /// <summary>
    /// An incremental read goes back this far before the newest data already stored, to pick up late changes (a ticket
    /// resolved later, an invoice paid later). Default 7 days; range 0 to 365 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ReReadWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long one source SELECT may run: aggregating years of usage takes time. Default 30 minutes; range 10 seconds to 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != SourceProvider.None && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"Source:ConnectionString is required when Source:Provider is {Provider}.", [nameof(ConnectionString)]);
        }
        else if (ParserOf(Provider) is { } parse && ConnectionStringSyntax.ProblemOf(ConnectionString, parse) is { } problem)
        {
            // As for the store: a malformed string is a bad setting (exit 3); an unreachable source is bad source data (exit 4).
            yield return new ValidationResult($"Not a valid {Provider} connection string: {problem}", [nameof(ConnectionString)]);
        }

        foreach (var key in Queries.Keys.Where(k => !SourceQueryKeys.All.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult(
                $"Source:Queries:{key} is not an entity; expected one of {string.Join(", ", SourceQueryKeys.All)}.", [nameof(Queries)]);
        }
    }

    private static Func<string, System.Data.Common.DbConnectionStringBuilder>? ParserOf(SourceProvider provider) => provider switch
    {
        SourceProvider.Sqlite => s => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(s),
        SourceProvider.PostgreSql => s => new Npgsql.NpgsqlConnectionStringBuilder(s),
        SourceProvider.SqlServer => s => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(s),
        _ => null,
    };
}
