namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Support tickets: how many an account opens a week (a Poisson rate), their priority, tier, resolution time and CSAT.
/// </summary>
public sealed record TicketTunables
{
    /// <summary>Tickets per week every account opens (tickets per week).</summary>
    public double BaseRate { get; init; } = 0.04;

    /// <summary>Extra tickets per week per square root of the users present (tickets per week).</summary>
    public double RatePerSqrtUser { get; init; } = 0.015;

    /// <summary>Extra tickets per week at zero health, proportional to 1 - health (tickets per week).</summary>
    public double UnhealthyRate { get; init; } = 0.05;

    /// <summary>Extra tickets per week while a product incident lasts (tickets per week).</summary>
    public double IncidentRate { get; init; } = 0.6;

    /// <summary>Priorities of tickets opened during a product incident.</summary>
    public TicketPriorityMix IncidentMix { get; init; } = new() { UrgentUpTo = 0.35, HighUpTo = 0.7, NormalUpTo = 0.95 };

    /// <summary>Priorities of tickets opened at other times.</summary>
    public TicketPriorityMix UsualMix { get; init; } = new() { UrgentUpTo = 0.05, HighUpTo = 0.2, NormalUpTo = 0.72 };

    /// <summary>Handling of urgent tickets.</summary>
    public TicketPriorityTunables Urgent { get; init; } = new() { L1UpTo = 0.2, L2UpTo = 0.65, MedianHours = 6.0, SlaHours = 24.0 };

    /// <summary>Handling of high-priority tickets.</summary>
    public TicketPriorityTunables High { get; init; } = new() { L1UpTo = 0.4, L2UpTo = 0.8, MedianHours = 20.0, SlaHours = 72.0 };

    /// <summary>Handling of normal-priority tickets.</summary>
    public TicketPriorityTunables Normal { get; init; } = new() { L1UpTo = 0.65, L2UpTo = 0.93, MedianHours = 48.0, SlaHours = 168.0 };

    /// <summary>Handling of low-priority tickets.</summary>
    public TicketPriorityTunables Low { get; init; } = new() { L1UpTo = 0.8, L2UpTo = 0.98, MedianHours = 96.0, SlaHours = 336.0 };

    /// <summary>Factor on the median resolution time of a ticket solved at L2 (L1 is 1).</summary>
    public double L2TimeFactor { get; init; } = 2.2;

    /// <summary>Factor on the median resolution time of a ticket solved at L3 (L1 is 1).</summary>
    public double L3TimeFactor { get; init; } = 4.5;

    /// <summary>Spread of resolution times: standard deviation of their logarithm.</summary>
    public double ResolutionLogSd { get; init; } = 0.8;

    /// <summary>Probability that a high or urgent ticket gets stuck waiting on engineering, outside incidents.</summary>
    public double StuckChance { get; init; } = 0.06;

    /// <summary>Probability that a high or urgent ticket gets stuck waiting on engineering during an incident.</summary>
    public double StuckChanceInIncident { get; init; } = 0.3;

    /// <summary>Shortest time a stuck ticket stays open (days).</summary>
    public int StuckMinDays { get; init; } = 15;

    /// <summary>Longest time a stuck ticket stays open (days).</summary>
    public int StuckMaxDays { get; init; } = 70;

    /// <summary>Shortest time to resolve any ticket (minutes).</summary>
    public int MinResolutionMinutes { get; init; } = 5;

    /// <summary>Probability that a resolved ticket gets a CSAT rating.</summary>
    public double CsatChance { get; init; } = 0.55;

    /// <summary>Mean CSAT (1 to 5) of a ticket resolved within its SLA.</summary>
    public double CsatMeanMet { get; init; } = 4.3;

    /// <summary>Mean CSAT (1 to 5) of a ticket that breached its SLA.</summary>
    public double CsatMeanBreached { get; init; } = 2.2;

    /// <summary>Standard deviation of CSAT ratings (points).</summary>
    public double CsatSd { get; init; } = 0.8;
}
