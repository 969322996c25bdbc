namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Events that happen to an account in a week: the champion leaving or being replaced, product incidents, card
/// trouble, financial distress and budget cuts. Rates are probabilities per week.
/// </summary>
public sealed record EventTunables
{
    /// <summary>Weeks after the start during which the champion does not leave (weeks).</summary>
    public int ChampionSafeWeeks { get; init; } = 6;

    /// <summary>Probability per week that the champion (the heaviest user) leaves.</summary>
    public double ChampionLeavesChancePerWeek { get; init; } = 0.0025;

    /// <summary>Probability per week, after the champion left, that a new champion emerges.</summary>
    public double NewChampionChancePerWeek { get; init; } = 0.02;

    /// <summary>Usage propensity of a new champion (see <see cref="UserTunables.ChampionPropensity"/>).</summary>
    public double NewChampionPropensity { get; init; } = 1.4;

    /// <summary>Probability per week that a product incident starts for the account.</summary>
    public double IncidentChancePerWeek { get; init; } = 0.004;

    /// <summary>Fewest weeks an incident lasts (weeks, inclusive).</summary>
    public int IncidentMinWeeks { get; init; } = 2;

    /// <summary>One more than the most weeks an incident lasts (weeks, exclusive).</summary>
    public int IncidentMaxWeeksExclusive { get; init; } = 6;

    /// <summary>Fewest weeks card trouble lasts (weeks, inclusive); how often it starts is per segment.</summary>
    public int CardTroubleMinWeeks { get; init; } = 3;

    /// <summary>One more than the most weeks card trouble lasts (weeks, exclusive).</summary>
    public int CardTroubleMaxWeeksExclusive { get; init; } = 11;

    /// <summary>Probability per week that an invoiced account falls into financial distress (pays very late).</summary>
    public double DistressChancePerWeek { get; init; } = 0.0015;

    /// <summary>Fewest weeks financial distress lasts (weeks, inclusive).</summary>
    public int DistressMinWeeks { get; init; } = 6;

    /// <summary>One more than the most weeks financial distress lasts (weeks, exclusive).</summary>
    public int DistressMaxWeeksExclusive { get; init; } = 15;

    /// <summary>
    /// Probability per week that the customer's budget is cut: the next contract boundary then churns with at least
    /// <see cref="ChurnTunables.BudgetCutChurnChance"/>, however healthy the account is.
    /// </summary>
    public double BudgetCutChancePerWeek { get; init; } = 0.0006;
}
