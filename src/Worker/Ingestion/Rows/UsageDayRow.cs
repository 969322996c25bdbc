using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>One aggregated account x feature x day row of the source's <c>usage_events</c>.</summary>
internal sealed class UsageDayRow : ISourceRow
{
    public string Key => $"{AccountId}/{Feature}/{Day}";

    public string? AccountId { get; set; }
    public string? Feature { get; set; }
    public object? Day { get; set; }
    public long Events { get; set; }
    public long ActiveUsers { get; set; }

    public FeatureUsageDay ToRecord()
    {
        var row = new SourceRowReader("usage_events", this);
        return new FeatureUsageDay(
            row.Text(AccountId, "account_id"),
            row.Text(Feature, "feature"),
            row.Date(Day, "occurred_at"),
            row.NonNegative(Events, "quantity"),
            row.NonNegative(ActiveUsers, "user_id"));
    }
}
