namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Usage events: which weeks and days a user is active, which features they touch and how much. Engagement is the
/// account's weekly health x the user's propensity.
/// </summary>
public sealed record UsageTunables
{
    /// <summary>
    /// Chance that an active user touches a feature on an active day, in <see cref="SampleFeatures.All"/> order.
    /// Integrations mostly run unattended, so few users touch them; dashboards are the front door.
    /// </summary>
    public IReadOnlyList<double> FeatureIntensity { get; init; } = [0.7, 0.18, 0.4, 0.35, 0.3, 0.15, 0.3, 0.2, 0.2, 0.45];

    /// <summary>Lowest factor on <see cref="FeatureIntensity"/> of a user's taste for a feature.</summary>
    public double AffinityMin { get; init; } = 0.3;

    /// <summary>Highest factor on <see cref="FeatureIntensity"/> of a user's taste for a feature.</summary>
    public double AffinityMax { get; init; } = 1.7;

    /// <summary>Factor on the champion's taste for every feature.</summary>
    public double ChampionAffinity { get; init; } = 1.4;

    /// <summary>Highest chance that a user touches a feature on an active day.</summary>
    public double AffinityCap { get; init; } = 0.95;

    /// <summary>Chance that a user with zero engagement is active in a week.</summary>
    public double ActiveWeekBase { get; init; } = 0.3;

    /// <summary>Added chance of an active week per point of engagement.</summary>
    public double ActiveWeekSlope { get; init; } = 0.9;

    /// <summary>Highest chance of an active week.</summary>
    public double ActiveWeekCap { get; init; } = 0.97;

    /// <summary>Chance that an active user uses the product on a Saturday or Sunday.</summary>
    public double WeekendDayChance { get; init; } = 0.025;

    /// <summary>Chance that an active user with zero engagement uses the product on a weekday.</summary>
    public double WeekdayBase { get; init; } = 0.055;

    /// <summary>Added chance of using the product on a weekday per point of engagement.</summary>
    public double WeekdaySlope { get; init; } = 0.23;

    /// <summary>Highest chance of using the product on a weekday.</summary>
    public double WeekdayCap { get; init; } = 0.9;

    /// <summary>Earliest hour of the day (UTC) of a session (hour, inclusive).</summary>
    public int SessionFirstHour { get; init; } = 7;

    /// <summary>Hour of the day (UTC) by which sessions have started (hour, exclusive).</summary>
    public int SessionLastHour { get; init; } = 20;

    /// <summary>Share of a feature's chance kept at zero health; the rest scales with health.</summary>
    public double FeatureHealthFloor { get; init; } = 0.5;

    /// <summary>Share of a feature's chance that scales with health.</summary>
    public double FeatureHealthGain { get; init; } = 0.5;

    /// <summary>Mean extra quantity of an event at zero engagement (exponential, on top of 1).</summary>
    public double QuantityBaseMean { get; init; } = 1.0;

    /// <summary>Added mean quantity per point of engagement.</summary>
    public double QuantitySlope { get; init; } = 4.0;
}
