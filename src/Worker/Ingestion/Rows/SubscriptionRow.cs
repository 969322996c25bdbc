using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>A source <c>subscriptions</c> row as Dapper reads it.</summary>
internal sealed class SubscriptionRow : ISourceRow
{
    public string Key => SubscriptionId ?? string.Empty;

    public string? SubscriptionId { get; set; }
    public string? AccountId { get; set; }
    public string? Plan { get; set; }
    public object? Mrr { get; set; }
    public string? Currency { get; set; }
    public object? BillingPeriodMonths { get; set; }
    public object? StartedAt { get; set; }
    public object? EndedAt { get; set; }
    public object? RenewalDate { get; set; }
    public object? AutoRenew { get; set; }
    public object? Seats { get; set; }

    public Subscription ToRecord()
    {
        var row = new SourceRowReader("subscriptions", SubscriptionId);
        var started = row.Instant(StartedAt, "started_at");
        var ended = row.NotBefore(row.InstantOrNull(EndedAt, "ended_at"), "ended_at", started, "started_at");

        return new Subscription(
            row.Text(SubscriptionId, "subscription_id"),
            row.Text(AccountId, "account_id"),
            row.Text(Plan, "plan"),
            row.Money(Mrr, "mrr"),
            row.Text(Currency, "currency"),
            Math.Max(1, row.NonNegative(BillingPeriodMonths, "billing_period_months")),
            started,
            ended,
            row.NotBefore(row.DateOrNull(RenewalDate, "renewal_date"), "renewal_date", started, "started_at"),
            row.Flag(AutoRenew, "auto_renew"),
            row.WholeOrNull(Seats, "seats") is { } seats ? row.NonNegative(seats, "seats") : null);
    }
}
