namespace ChurnWatch.Analytics.Simulation;

/// <summary>The users of an account: demand for seats, who joins and who leaves.</summary>
public sealed record UserTunables
{
    /// <summary>
    /// Weight of health on demand growth: demand grows by growth rate x (weight x health - <see cref="GrowthHealthOffset"/>)
    /// a week, so healthy teams grow and disengaged ones shrink.
    /// </summary>
    public double GrowthHealthWeight { get; init; } = 2.0;

    /// <summary>Offset of health on demand growth (see <see cref="GrowthHealthWeight"/>); growth is zero at health 0.4.</summary>
    public double GrowthHealthOffset { get; init; } = 0.8;

    /// <summary>Standard deviation of the weekly demand noise (share of demand).</summary>
    public double DemandNoiseSd { get; init; } = 0.004;

    /// <summary>Probability per week that a user other than the champion leaves the account.</summary>
    public double LeaveChancePerWeek { get; init; } = 0.003;

    /// <summary>Weeks for the users to come in after the start (weeks).</summary>
    public double RampWeeks { get; init; } = 4.0;

    /// <summary>Usage propensity of the first user, the champion (1 is a typical user).</summary>
    public double ChampionPropensity { get; init; } = 1.5;

    /// <summary>Lowest usage propensity of another user.</summary>
    public double PropensityMin { get; init; } = 0.25;

    /// <summary>Highest usage propensity of another user.</summary>
    public double PropensityMax { get; init; } = 1.2;
}
