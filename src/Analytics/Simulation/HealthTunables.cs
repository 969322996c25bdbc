namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// The weekly health (engagement, 0 to 1) of an account: it moves a share of the way towards a target set by the base
/// health, the onboarding ramp, the champion and open trouble, plus noise.
/// </summary>
public sealed record HealthTunables
{
    /// <summary>Health in the account's first week, as a share of its base health.</summary>
    public double InitialShareOfBase { get; init; } = 0.25;

    /// <summary>Share of the base health the target starts from before the onboarding ramp.</summary>
    public double RampFloor { get; init; } = 0.3;

    /// <summary>Share of the base health the onboarding ramp adds once complete (with <see cref="RampFloor"/>, usually 1).</summary>
    public double RampGain { get; init; } = 0.7;

    /// <summary>Factor on the target health after the champion left and a new one emerged.</summary>
    public double ChampionReplacedFactor { get; init; } = 0.9;

    /// <summary>Factor on the target health after the champion left and nobody took over.</summary>
    public double ChampionLostFactor { get; init; } = 0.5;

    /// <summary>Age from which an open high or urgent ticket counts as stuck for health (days).</summary>
    public int StuckTicketAgeDays { get; init; } = 7;

    /// <summary>Health lost per stuck high or urgent ticket (health points).</summary>
    public double StuckTicketPenalty { get; init; } = 0.09;

    /// <summary>Most health lost to stuck tickets together (health points).</summary>
    public double StuckTicketPenaltyMax { get; init; } = 0.3;

    /// <summary>Health lost while a product incident lasts (health points).</summary>
    public double IncidentPenalty { get; init; } = 0.08;

    /// <summary>Share of the gap to the target health closed each week.</summary>
    public double Pull { get; init; } = 0.3;

    /// <summary>Standard deviation of the weekly health noise (health points).</summary>
    public double NoiseSd { get; init; } = 0.035;

    /// <summary>Lowest weekly health (an account never goes completely silent before it leaves).</summary>
    public double Min { get; init; } = 0.03;
}
