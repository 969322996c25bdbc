namespace ChurnWatch.Analytics.Simulation;

/// <summary>How a simulated account is born: when it signs up, where it is, how healthy and how fast it grows.</summary>
public sealed record AccountTunables
{
    /// <summary>
    /// Skew of sign-up dates towards the start of the window: the position in the window is u^skew for a uniform u, so
    /// 1 spreads sign-ups evenly and 1.5 puts about 45% of them in the window's first 30%.
    /// </summary>
    public double SignupSkew { get; init; } = 1.5;

    /// <summary>Days at the end of the window in which nobody signs up, so every account has some history (days).</summary>
    public double SignupMarginDays { get; init; } = 21.0;

    /// <summary>Earliest hour of the day (UTC) a sign-up happens (hour, inclusive).</summary>
    public int SignupFirstHour { get; init; } = 7;

    /// <summary>Hour of the day (UTC) by which sign-ups have happened (hour, exclusive).</summary>
    public int SignupLastHour { get; init; } = 19;

    /// <summary>Fewest days from sign-up to the first subscription (days, inclusive).</summary>
    public int StartDelayMinDays { get; init; } = 1;

    /// <summary>One more than the most days from sign-up to the first subscription (days, exclusive).</summary>
    public int StartDelayMaxDaysExclusive { get; init; } = 4;

    /// <summary>
    /// Regions an account is drawn from, uniformly: a region listed several times is that much more common. By default
    /// NA is the home market, three in seven accounts.
    /// </summary>
    public IReadOnlyList<string> Regions { get; init; } = ["NA", "NA", "NA", "EMEA", "EMEA", "APAC", "LATAM"];

    /// <summary>Probability that an annual contract renews automatically (monthly ones always do).</summary>
    public double AutoRenewChance { get; init; } = 0.7;

    /// <summary>Probability that an invoiced (not card-paying) account habitually pays days to weeks late.</summary>
    public double SlowPayerChance { get; init; } = 0.2;

    /// <summary>Mean of the account's base health, its engagement when everything goes well (0 to 1).</summary>
    public double BaseHealthMean { get; init; } = 0.78;

    /// <summary>Standard deviation of the base health across accounts.</summary>
    public double BaseHealthSd { get; init; } = 0.12;

    /// <summary>Lowest base health an account gets (the draw is clamped to this and 1).</summary>
    public double BaseHealthMin { get; init; } = 0.35;

    /// <summary>Probability that the account is a growing one (its team keeps bringing in colleagues).</summary>
    public double GrowingChance { get; init; } = 0.25;

    /// <summary>Lowest seat-demand growth rate of a growing account (share per week at full health).</summary>
    public double GrowingRateMin { get; init; } = 0.006;

    /// <summary>Highest seat-demand growth rate of a growing account (share per week at full health).</summary>
    public double GrowingRateMax { get; init; } = 0.015;

    /// <summary>Highest seat-demand growth rate of a steady account, drawn from 0 up to it (share per week).</summary>
    public double SteadyRateMax { get; init; } = 0.004;

    /// <summary>Lowest initial demand for seats, as a share of the seats bought.</summary>
    public double InitialDemandMin { get; init; } = 0.45;

    /// <summary>Highest initial demand for seats, as a share of the seats bought.</summary>
    public double InitialDemandMax { get; init; } = 0.9;
}
