namespace ChurnWatch.Analytics.Simulation;

/// <summary>Seat changes: true-ups and cuts at renewal, downsizing at month boundaries, expansion when seats run out.</summary>
public sealed record SeatTunables
{
    /// <summary>Share of the seats in use from which an account counts as saturated (share of seats).</summary>
    public double SaturationShare { get; init; } = 0.9;

    /// <summary>Lowest health at which a saturated account buys more seats (health).</summary>
    public double GrowthMinHealth { get; init; } = 0.45;

    /// <summary>Lowest factor on demand of the seats trued up at an annual renewal.</summary>
    public double RenewalTrueUpMin { get; init; } = 1.1;

    /// <summary>Highest factor on demand of the seats trued up at an annual renewal.</summary>
    public double RenewalTrueUpMax { get; init; } = 1.3;

    /// <summary>Utilisation below which an annual renewal may cut seats (share of seats).</summary>
    public double RenewalCutBelowUtilisation { get; init; } = 0.7;

    /// <summary>Probability that an under-used annual renewal cuts seats.</summary>
    public double RenewalCutChance { get; init; } = 0.6;

    /// <summary>Seats kept when seats are cut, as a factor on the users present.</summary>
    public double CutHeadroom { get; init; } = 1.1;

    /// <summary>Utilisation below which a monthly contract may cut seats at a month boundary (share of seats).</summary>
    public double MonthlyCutBelowUtilisation { get; init; } = 0.6;

    /// <summary>Health below which a monthly account counts as unhealthy for cutting seats (health).</summary>
    public double MonthlyCutUnhealthyBelow { get; init; } = 0.4;

    /// <summary>Probability that an under-used, unhealthy monthly account cuts seats at a month boundary.</summary>
    public double MonthlyCutChanceUnhealthy { get; init; } = 0.25;

    /// <summary>Probability that an under-used, healthy monthly account cuts seats at a month boundary.</summary>
    public double MonthlyCutChanceHealthy { get; init; } = 0.06;

    /// <summary>Weeks in a row an account must be saturated before it may expand (weeks).</summary>
    public int ExpansionSaturatedWeeks { get; init; } = 2;

    /// <summary>Probability per week that a saturated, healthy account buys more seats.</summary>
    public double ExpansionChancePerWeek { get; init; } = 0.2;

    /// <summary>Lowest factor on demand of the seats after an expansion.</summary>
    public double ExpansionMin { get; init; } = 1.15;

    /// <summary>Highest factor on demand of the seats after an expansion.</summary>
    public double ExpansionMax { get; init; } = 1.4;
}
