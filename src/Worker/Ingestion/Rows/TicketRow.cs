using ChurnWatch.Analytics.History;

namespace ChurnWatch.Worker.Ingestion.Rows;

/// <summary>A source <c>tickets</c> row as Dapper reads it.</summary>
internal sealed class TicketRow : ISourceRow
{
    public string Key => TicketId ?? string.Empty;

    public string? TicketId { get; set; }
    public string? AccountId { get; set; }
    public object? OpenedAt { get; set; }
    public object? ResolvedAt { get; set; }
    public string? Priority { get; set; }
    public string? Tier { get; set; }
    public object? SlaBreached { get; set; }
    public object? Csat { get; set; }

    public Ticket ToRecord()
    {
        var row = new SourceRowReader("tickets", TicketId);
        var csat = row.WholeOrNull(Csat, "csat");
        if (csat is < 1 or > 5)
        {
            throw row.Invalid("csat", Csat, $"{csat} is out of range; expected 1 to 5 or empty.");
        }

        var opened = row.Instant(OpenedAt, "opened_at");
        return new Ticket(
            row.Text(TicketId, "ticket_id"),
            row.Text(AccountId, "account_id"),
            opened,
            row.NotBefore(row.InstantOrNull(ResolvedAt, "resolved_at"), "resolved_at", opened, "opened_at"),
            row.Enum<TicketPriority>(Priority, "priority"),
            row.Enum<SupportTier>(Tier, "tier"),
            row.Flag(SlaBreached, "sla_breached"),
            csat is { } score ? (int)score : null);
    }
}
