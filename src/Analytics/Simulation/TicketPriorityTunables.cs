namespace ChurnWatch.Analytics.Simulation;

/// <summary>How the support tickets of one priority are handled: which tier solves them, how fast, and the SLA.</summary>
public sealed record TicketPriorityTunables
{
    /// <summary>Share of these tickets solved at tier L1 (cumulative share, 0 to 1).</summary>
    public double L1UpTo { get; init; }

    /// <summary>Share of these tickets solved at tier L1 or L2 (cumulative share, 0 to 1); the rest go to L3.</summary>
    public double L2UpTo { get; init; }

    /// <summary>Median time to resolve such a ticket at L1 (hours); higher tiers take longer.</summary>
    public double MedianHours { get; init; }

    /// <summary>The SLA: a ticket open longer than this breaches it (hours).</summary>
    public double SlaHours { get; init; }
}
