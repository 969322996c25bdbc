namespace ChurnWatch.Worker.Ingestion;

/// <summary>Facts about each source entity: its source table, its store table and whether a company must provide it.</summary>
internal static class SourceEntityInfo
{
    public static string SourceTable(SourceEntity entity) => entity switch
    {
        SourceEntity.Accounts => "accounts",
        SourceEntity.Subscriptions => "subscriptions",
        SourceEntity.UsageDaily or SourceEntity.UsageWeekly => "usage_events",
        SourceEntity.Tickets => "tickets",
        SourceEntity.Invoices => "invoices",
        SourceEntity.PaymentAttempts => "payment_attempts",
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, null),
    };

    public static string StoreTable(SourceEntity entity) => entity switch
    {
        SourceEntity.UsageDaily => "usage_daily",
        SourceEntity.UsageWeekly => "usage_weekly",
        _ => SourceTable(entity),
    };

    /// <summary>Accounts, subscriptions and usage are required; support and billing data are optional.</summary>
    public static bool IsOptional(SourceEntity entity) =>
        entity is SourceEntity.Tickets or SourceEntity.Invoices or SourceEntity.PaymentAttempts;
}
