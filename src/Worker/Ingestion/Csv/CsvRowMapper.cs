using ChurnWatch.Worker.Ingestion.Rows;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// Fills the same row types a database source fills from one CSV record, so <c>ToRecord</c> checks a CSV row
/// exactly as it checks a database row. Text that must become a number, a boolean or a timestamp is converted here
/// with the drop's culture and date formats; timestamps go on as ISO-8601 UTC.
/// </summary>
internal static class CsvRowMapper
{
    public static AccountRow Account(CsvDropFileReader row, CsvValueParser parse) => new()
    {
        AccountId = row.Field("account_id"),
        Name = row.Field("name"),
        OwnerEmail = row.Field("owner_email"),
        Segment = row.Field("segment"),
        Region = row.Field("region"),
        CreatedAt = parse.Instant(row.Field("created_at"), "created_at"),
        SeatsLicensed = parse.Whole(row.Field("seats_licensed"), "seats_licensed"),
    };

    public static SubscriptionRow Subscription(CsvDropFileReader row, CsvValueParser parse) => new()
    {
        SubscriptionId = row.Field("subscription_id"),
        AccountId = row.Field("account_id"),
        Plan = row.Field("plan"),
        Mrr = parse.Number(row.Field("mrr"), "mrr"),
        Currency = row.Field("currency"),
        BillingPeriodMonths = parse.Whole(row.Field("billing_period_months"), "billing_period_months"),
        StartedAt = parse.Instant(row.Field("started_at"), "started_at"),
        EndedAt = parse.Instant(row.Field("ended_at"), "ended_at"),
        RenewalDate = parse.Date(row.Field("renewal_date"), "renewal_date"),
        AutoRenew = CsvValueParser.Flag(row.Field("auto_renew"), "auto_renew"),
        Seats = parse.WholeOrNull(row.Field("seats"), "seats"),
    };

    public static TicketRow Ticket(CsvDropFileReader row, CsvValueParser parse) => new()
    {
        TicketId = row.Field("ticket_id"),
        AccountId = row.Field("account_id"),
        OpenedAt = parse.Instant(row.Field("opened_at"), "opened_at"),
        ResolvedAt = parse.Instant(row.Field("resolved_at"), "resolved_at"),
        Priority = row.Field("priority"),
        Tier = row.Field("tier"),
        SlaBreached = CsvValueParser.Flag(row.Field("sla_breached"), "sla_breached"),
        Csat = parse.WholeOrNull(row.Field("csat"), "csat"),
    };

    public static InvoiceRow Invoice(CsvDropFileReader row, CsvValueParser parse) => new()
    {
        InvoiceId = row.Field("invoice_id"),
        AccountId = row.Field("account_id"),
        IssuedAt = parse.Instant(row.Field("issued_at"), "issued_at"),
        DueAt = parse.Instant(row.Field("due_at"), "due_at"),
        PaidAt = parse.Instant(row.Field("paid_at"), "paid_at"),
        Amount = parse.Number(row.Field("amount"), "amount"),
        Currency = row.Field("currency"),
        Status = row.Field("status"),
    };

    public static PaymentAttemptRow PaymentAttempt(CsvDropFileReader row, CsvValueParser parse) => new()
    {
        AccountId = row.Field("account_id"),
        InvoiceId = row.Field("invoice_id"),
        AttemptedAt = parse.Instant(row.Field("attempted_at"), "attempted_at"),
        Succeeded = CsvValueParser.Flag(row.Field("succeeded"), "succeeded"),
        FailureReason = row.Field("failure_reason"),
    };

    /// <summary>A raw usage event; there is no database row type for it because a database aggregates its own.</summary>
    public static StagedUsageEvent UsageEvent(CsvDropFileReader row, CsvValueParser parse)
    {
        var reader = new SourceRowReader("usage_events", row.Location);
        var quantity = parse.Whole(row.Field("quantity"), "quantity");
        if (quantity is < 1 or > int.MaxValue)
        {
            throw reader.Invalid("quantity", row.Field("quantity"), $"{quantity} is out of range; expected a whole number from 1.");
        }

        var feature = reader.Text(row.Field("feature"), "feature");
        if (feature == Analytics.History.UsageWeek.AllFeatures)
        {
            throw reader.Invalid("feature", feature, $"'{feature}' is reserved for the all-features weekly rows; name the feature.");
        }

        return new StagedUsageEvent(
            reader.Text(row.Field("account_id"), "account_id"),
            reader.Text(row.Field("user_id"), "user_id"),
            feature,
            parse.RequiredInstant(row.Field("occurred_at"), "occurred_at"),
            (int)quantity,
            row.Line);
    }
}
