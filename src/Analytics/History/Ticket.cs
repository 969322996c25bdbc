namespace ChurnWatch.Analytics.History;

/// <summary>A support ticket (source contract: <c>tickets</c>; optional entity).</summary>
public sealed record Ticket(
    string TicketId,
    string AccountId,
    DateTime OpenedAt,
    DateTime? ResolvedAt,
    TicketPriority Priority,
    SupportTier Tier,
    bool SlaBreached,
    int? Csat)
{
    /// <summary>True when the ticket was open at <paramref name="instant"/>.</summary>
    public bool IsOpenAt(DateTime instant) => OpenedAt < instant && (ResolvedAt is null || ResolvedAt >= instant);
}
