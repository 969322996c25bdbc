using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>One aggregated account x feature x week row of the source's <c>usage_events</c>.</summary>
internal sealed class UsageWeekRow : ISourceRow
{
    public string Key => $"{AccountId}/{Feature}/{WeekStart}";

    public string? AccountId { get; set; }
    public string? Feature { get; set; }
    public object? WeekStart { get; set; }
    public long Events { get; set; }
    public long ActiveUsers { get; set; }

    public UsageWeek ToRecord()
    {
        var row = new SourceRowReader("usage_events", this);
        return new UsageWeek(
            row.Text(AccountId, "account_id"),
            row.Text(Feature, "feature"),
            row.Date(WeekStart, "occurred_at"),
            row.NonNegative(Events, "quantity"),
            row.NonNegative(ActiveUsers, "user_id"));
    }
}
