namespace ChurnWatch.Worker.Ingestion;

/// <summary>What ChurnWatch reads from a source, in the order it reads it.</summary>
internal enum SourceEntity
{
    /// <summary>accounts (required).</summary>
    Accounts,
    /// <summary>subscriptions (required).</summary>
    Subscriptions,
    /// <summary>usage_events aggregated to account x feature x day (required).</summary>
    UsageDaily,
    /// <summary>usage_events aggregated to distinct users per week, per feature and overall (required).</summary>
    UsageWeekly,
    /// <summary>tickets (optional).</summary>
    Tickets,
    /// <summary>invoices (optional).</summary>
    Invoices,
    /// <summary>payment_attempts (optional).</summary>
    PaymentAttempts,
}
