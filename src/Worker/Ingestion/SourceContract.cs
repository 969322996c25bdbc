using System.Globalization;
using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// The source contract in one place: each dialect's schema (SQLite, PostgreSQL) and the column order of each table.
/// In SQLite, timestamps are UTC ISO-8601 text (<c>2025-03-04T10:22:00Z</c>) and dates <c>yyyy-MM-dd</c>; in
/// PostgreSQL they are <c>timestamptz</c> and <c>date</c>. Ids are strings. See <c>docs/source-contract.md</c>.
/// </summary>
internal static class SourceContract
{
    /// <summary>The tables of the source contract in SQLite, without indexes (they are created after a bulk load).</summary>
    public const string SqliteSchema = """
        CREATE TABLE accounts (
            account_id     TEXT    NOT NULL PRIMARY KEY,
            name           TEXT    NOT NULL,
            owner_email    TEXT    NOT NULL,
            segment        TEXT    NOT NULL,
            region         TEXT    NOT NULL,
            created_at     TEXT    NOT NULL,
            seats_licensed INTEGER NOT NULL
        );
        CREATE TABLE subscriptions (
            subscription_id       TEXT    NOT NULL PRIMARY KEY,
            account_id            TEXT    NOT NULL,
            plan                  TEXT    NOT NULL,
            mrr                   REAL    NOT NULL,
            currency              TEXT    NOT NULL,
            billing_period_months INTEGER NOT NULL,
            started_at            TEXT    NOT NULL,
            ended_at              TEXT    NULL,
            renewal_date          TEXT    NULL,
            auto_renew            INTEGER NOT NULL,
            seats                 INTEGER NULL
        );
        CREATE TABLE usage_events (
            account_id  TEXT    NOT NULL,
            user_id     TEXT    NOT NULL,
            feature     TEXT    NOT NULL,
            occurred_at TEXT    NOT NULL,
            quantity    INTEGER NOT NULL
        );
        CREATE TABLE tickets (
            ticket_id    TEXT    NOT NULL PRIMARY KEY,
            account_id   TEXT    NOT NULL,
            opened_at    TEXT    NOT NULL,
            resolved_at  TEXT    NULL,
            priority     TEXT    NOT NULL,
            tier         TEXT    NOT NULL,
            sla_breached INTEGER NOT NULL,
            csat         INTEGER NULL
        );
        CREATE TABLE invoices (
            invoice_id TEXT NOT NULL PRIMARY KEY,
            account_id TEXT NOT NULL,
            issued_at  TEXT NOT NULL,
            due_at     TEXT NOT NULL,
            paid_at    TEXT NULL,
            amount     REAL NOT NULL,
            currency   TEXT NOT NULL,
            status     TEXT NOT NULL
        );
        CREATE TABLE payment_attempts (
            account_id     TEXT    NOT NULL,
            invoice_id     TEXT    NOT NULL,
            attempted_at   TEXT    NOT NULL,
            succeeded      INTEGER NOT NULL,
            failure_reason TEXT    NULL
        );
        """;

    /// <summary>Indexes for the aggregations ChurnWatch runs on a source (per account, feature and time).</summary>
    public const string SqliteIndexes = """
        CREATE INDEX ix_usage_events_account_feature_time ON usage_events (account_id, feature, occurred_at);
        CREATE INDEX ix_subscriptions_account_start ON subscriptions (account_id, started_at);
        CREATE INDEX ix_tickets_account_opened ON tickets (account_id, opened_at);
        CREATE INDEX ix_invoices_account_issued ON invoices (account_id, issued_at);
        CREATE INDEX ix_payment_attempts_account_time ON payment_attempts (account_id, attempted_at);
        """;

    /// <summary>
    /// The same tables in PostgreSQL types, without indexes (created after the bulk load). Column for column the
    /// SQLite schema above; the PostgreSQL writer reads these types back from the database to encode its binary COPY.
    /// </summary>
    public const string PostgreSqlSchema = """
        CREATE TABLE accounts (
            account_id     text        NOT NULL PRIMARY KEY,
            name           text        NOT NULL,
            owner_email    text        NOT NULL,
            segment        text        NOT NULL,
            region         text        NOT NULL,
            created_at     timestamptz NOT NULL,
            seats_licensed integer     NOT NULL
        );
        CREATE TABLE subscriptions (
            subscription_id       text          NOT NULL PRIMARY KEY,
            account_id            text          NOT NULL,
            plan                  text          NOT NULL,
            mrr                   numeric(14,2) NOT NULL,
            currency              text          NOT NULL,
            billing_period_months integer       NOT NULL,
            started_at            timestamptz   NOT NULL,
            ended_at              timestamptz   NULL,
            renewal_date          date          NULL,
            auto_renew            boolean       NOT NULL,
            seats                 integer       NULL
        );
        CREATE TABLE usage_events (
            account_id  text        NOT NULL,
            user_id     text        NOT NULL,
            feature     text        NOT NULL,
            occurred_at timestamptz NOT NULL,
            quantity    integer     NOT NULL
        );
        CREATE TABLE tickets (
            ticket_id    text        NOT NULL PRIMARY KEY,
            account_id   text        NOT NULL,
            opened_at    timestamptz NOT NULL,
            resolved_at  timestamptz NULL,
            priority     text        NOT NULL,
            tier         text        NOT NULL,
            sla_breached boolean     NOT NULL,
            csat         integer     NULL
        );
        CREATE TABLE invoices (
            invoice_id text          NOT NULL PRIMARY KEY,
            account_id text          NOT NULL,
            issued_at  timestamptz   NOT NULL,
            due_at     timestamptz   NOT NULL,
            paid_at    timestamptz   NULL,
            amount     numeric(14,2) NOT NULL,
            currency   text          NOT NULL,
            status     text          NOT NULL
        );
        CREATE TABLE payment_attempts (
            account_id     text        NOT NULL,
            invoice_id     text        NOT NULL,
            attempted_at   timestamptz NOT NULL,
            succeeded      boolean     NOT NULL,
            failure_reason text        NULL
        );
        """;

    /// <summary>The SQLite indexes in PostgreSQL (same names and columns).</summary>
    public const string PostgreSqlIndexes = SqliteIndexes;

    /// <summary>Every table of the contract, in writing order (to drop a previous sample before writing a new one).</summary>
    public static IReadOnlyList<string> TableNames { get; } = ["accounts", "subscriptions", "tickets", "invoices", "payment_attempts", "usage_events"];

    public static SourceTable<Account> Accounts { get; } = new(
        "accounts",
        ["account_id", "name", "owner_email", "segment", "region", "created_at", "seats_licensed"],
        a => [a.AccountId, a.Name, a.OwnerEmail, a.Segment, a.Region, a.CreatedAt, (long)a.SeatsLicensed]);

    public static SourceTable<Subscription> Subscriptions { get; } = new(
        "subscriptions",
        ["subscription_id", "account_id", "plan", "mrr", "currency", "billing_period_months", "started_at", "ended_at",
         "renewal_date", "auto_renew", "seats"],
        s => [s.SubscriptionId, s.AccountId, s.Plan, s.Mrr, s.Currency, (long)s.BillingPeriodMonths, s.StartedAt,
              s.EndedAt, s.RenewalDate, s.AutoRenew, (long?)s.Seats]);

    public static SourceTable<UsageEvent> UsageEvents { get; } = new(
        "usage_events",
        ["account_id", "user_id", "feature", "occurred_at", "quantity"],
        e => [e.AccountId, e.UserId, e.Feature, e.OccurredAt, (long)e.Quantity]);

    public static SourceTable<Ticket> Tickets { get; } = new(
        "tickets",
        ["ticket_id", "account_id", "opened_at", "resolved_at", "priority", "tier", "sla_breached", "csat"],
        t => [t.TicketId, t.AccountId, t.OpenedAt, t.ResolvedAt, Priority(t.Priority),
              t.Tier.ToString(), t.SlaBreached, (long?)t.Csat]);

    public static SourceTable<Invoice> Invoices { get; } = new(
        "invoices",
        ["invoice_id", "account_id", "issued_at", "due_at", "paid_at", "amount", "currency", "status"],
        i => [i.InvoiceId, i.AccountId, i.IssuedAt, i.DueAt, i.PaidAt, i.Amount, i.Currency, i.Status]);

    public static SourceTable<PaymentAttempt> PaymentAttempts { get; } = new(
        "payment_attempts",
        ["account_id", "invoice_id", "attempted_at", "succeeded", "failure_reason"],
        p => [p.AccountId, p.InvoiceId, p.AttemptedAt, p.Succeeded, p.FailureReason]);

    /// <summary>UTC ISO-8601 with a Z, to the second.</summary>
    public static string Timestamp(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Priority(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => "urgent",
        TicketPriority.High => "high",
        TicketPriority.Normal => "normal",
        _ => "low",
    };
}
