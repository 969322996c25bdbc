namespace ChurnWatch.Worker.Configuration;

/// <summary>The names under <c>Source:Queries</c>: one SELECT per entity, usage as its two aggregates.</summary>
internal static class SourceQueryKeys
{
    public static readonly IReadOnlyList<string> All =
        ["accounts", "subscriptions", "usage_daily", "usage_weekly", "tickets", "invoices", "payment_attempts"];
}
