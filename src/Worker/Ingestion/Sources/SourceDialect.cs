using System.Data.Common;
using ChurnWatch.Worker.Configuration;

namespace ChurnWatch.Worker.Ingestion.Sources;

/// <summary>
/// What differs between source databases: how to connect, the default SELECT per entity against the source contract,
/// and how to ask whether a table exists. Every default SELECT filters on <c>@since</c> where the entity has a
/// change timestamp, so one query serves a full read (since = the beginning of time) and an incremental one.
/// </summary>
internal abstract class SourceDialect
{
    /// <summary>A since far enough back to read everything, and valid for every provider's date types.</summary>
    public static readonly DateTime Beginning = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public abstract SourceProvider Provider { get; }

    /// <summary>Returns 1 when a table or view named <c>@name</c> exists.</summary>
    public abstract string TableExists { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Where the source is, for messages: host and database, never a password.</summary>
    public abstract string Describe(string connectionString);

    /// <summary>
    /// Checks, right after opening, that the connection reaches a database this dialect can read, so that a wrong file
    /// fails with a sentence naming it as the source rather than with the driver's words at the first query.
    /// </summary>
    /// <exception cref="SourceDataException">The source is not such a database.</exception>
    public virtual Task VerifyAsync(DbConnection connection, string connectionString, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The value bound to <c>@since</c>: provider-native (text in SQLite, a UTC timestamp on the servers).</summary>
    public virtual object SinceParameter(DateTime since) => since;

    /// <summary>The UTC day of <c>occurred_at</c>, in this dialect.</summary>
    protected abstract string Day { get; }

    /// <summary>The Monday on or before the UTC day of <c>occurred_at</c>, in this dialect.</summary>
    protected abstract string WeekStart { get; }

    /// <summary>The sum of <c>quantity</c> as a 64-bit integer, in this dialect.</summary>
    protected abstract string SumOfQuantity { get; }

    /// <summary>
    /// The default SELECT of an entity. Usage is aggregated by the database, in the same shape in every dialect: per
    /// account x feature x day, and per account x feature x week plus feature '*' (distinct users across features).
    /// </summary>
    public string DefaultQuery(SourceEntity entity) => entity switch
    {
        SourceEntity.UsageDaily =>
            $"SELECT account_id AS AccountId, feature AS Feature, {Day} AS Day, {SumOfQuantity} AS Events, COUNT(DISTINCT user_id) AS ActiveUsers " +
            $"FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, {Day}",
        SourceEntity.UsageWeekly =>
            $"SELECT account_id AS AccountId, feature AS Feature, {WeekStart} AS WeekStart, {SumOfQuantity} AS Events, COUNT(DISTINCT user_id) AS ActiveUsers " +
            $"FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, feature, {WeekStart} " +
            $"UNION ALL SELECT account_id, '*', {WeekStart}, {SumOfQuantity}, COUNT(DISTINCT user_id) FROM usage_events WHERE occurred_at >= @since GROUP BY account_id, {WeekStart}",
        _ => CommonQuery(entity),
    };

    public static SourceDialect For(SourceProvider provider) => provider switch
    {
        SourceProvider.Sqlite => new SqliteSourceDialect(),
        SourceProvider.PostgreSql => new PostgreSqlSourceDialect(),
        SourceProvider.SqlServer => new SqlServerSourceDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "This provider has no database."),
    };

    // The columns every dialect selects, aliased to the row types' property names (Dapper matches them case-insensitively).
    protected const string AccountColumns =
        "account_id AS AccountId, name AS Name, owner_email AS OwnerEmail, segment AS Segment, region AS Region, created_at AS CreatedAt, seats_licensed AS SeatsLicensed";

    protected const string SubscriptionColumns =
        "subscription_id AS SubscriptionId, account_id AS AccountId, plan AS Plan, mrr AS Mrr, currency AS Currency, billing_period_months AS BillingPeriodMonths, " +
        "started_at AS StartedAt, ended_at AS EndedAt, renewal_date AS RenewalDate, auto_renew AS AutoRenew, seats AS Seats";

    protected const string TicketColumns =
        "ticket_id AS TicketId, account_id AS AccountId, opened_at AS OpenedAt, resolved_at AS ResolvedAt, priority AS Priority, tier AS Tier, sla_breached AS SlaBreached, csat AS Csat";

    protected const string InvoiceColumns =
        "invoice_id AS InvoiceId, account_id AS AccountId, issued_at AS IssuedAt, due_at AS DueAt, paid_at AS PaidAt, amount AS Amount, currency AS Currency, status AS Status";

    protected const string PaymentAttemptColumns =
        "account_id AS AccountId, invoice_id AS InvoiceId, attempted_at AS AttemptedAt, succeeded AS Succeeded, failure_reason AS FailureReason";

    /// <summary>The entities whose SELECT is the same in every dialect.</summary>
    private static string CommonQuery(SourceEntity entity) => entity switch
    {
        // Accounts and subscriptions are small and change without a timestamp (owner, seats): always read whole.
        SourceEntity.Accounts => $"SELECT {AccountColumns} FROM accounts",
        SourceEntity.Subscriptions => $"SELECT {SubscriptionColumns} FROM subscriptions",
        // Open tickets and unpaid invoices can change any day, so they are always re-read.
        SourceEntity.Tickets => $"SELECT {TicketColumns} FROM tickets WHERE opened_at >= @since OR resolved_at >= @since OR resolved_at IS NULL",
        SourceEntity.Invoices => $"SELECT {InvoiceColumns} FROM invoices WHERE issued_at >= @since OR paid_at >= @since OR paid_at IS NULL",
        SourceEntity.PaymentAttempts => $"SELECT {PaymentAttemptColumns} FROM payment_attempts WHERE attempted_at >= @since",
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Usage queries are dialect-specific."),
    };
}
