namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Adoption of the features that are not key features: the probability that an account ever adopts each one, and when.
/// The <c>api</c> and <c>sso</c> chances depend on the segment (<see cref="SegmentTunables"/>).
/// </summary>
public sealed record FeatureAdoptionTunables
{
    /// <summary>Probability that an account ever adopts <c>reports</c>.</summary>
    public double Reports { get; init; } = 0.75;

    /// <summary>Probability that an account ever adopts <c>alerts</c>.</summary>
    public double Alerts { get; init; } = 0.55;

    /// <summary>Probability that an account ever adopts <c>exports</c>.</summary>
    public double Exports { get; init; } = 0.45;

    /// <summary>Probability that an account ever adopts <c>comments</c>.</summary>
    public double Comments { get; init; } = 0.4;

    /// <summary>Probability that an account ever adopts <c>mobile</c>.</summary>
    public double Mobile { get; init; } = 0.3;

    /// <summary>Earliest week a feature is adopted (weeks since start, inclusive).</summary>
    public int FromWeek { get; init; } = 1;

    /// <summary>One more than the latest week of the first, uniform part of the adoption delay (weeks, exclusive).</summary>
    public int UntilWeekExclusive { get; init; } = 8;

    /// <summary>Mean of the extra, exponential part of the adoption delay (weeks).</summary>
    public double ExtraDelayMeanWeeks { get; init; } = 8;
}
