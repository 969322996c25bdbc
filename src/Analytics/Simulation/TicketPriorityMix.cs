namespace ChurnWatch.Analytics.Simulation;

/// <summary>The priorities of new support tickets, as cumulative shares; the rest are low priority.</summary>
public sealed record TicketPriorityMix
{
    /// <summary>Share of urgent tickets (cumulative share, 0 to 1).</summary>
    public double UrgentUpTo { get; init; }

    /// <summary>Share of urgent or high tickets (cumulative share, 0 to 1).</summary>
    public double HighUpTo { get; init; }

    /// <summary>Share of urgent, high or normal tickets (cumulative share, 0 to 1).</summary>
    public double NormalUpTo { get; init; }
}
