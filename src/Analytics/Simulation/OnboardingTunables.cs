namespace ChurnWatch.Analytics.Simulation;

/// <summary>Onboarding: how fast the key features (<see cref="SampleFeatures.Key"/>) get adopted and what a bad start costs.</summary>
public sealed record OnboardingTunables
{
    /// <summary>Probability that a well-onboarded account adopts a key feature in its first weeks.</summary>
    public double WellKeyAdoptionChance { get; init; } = 0.92;

    /// <summary>One more than the last week in which a well-onboarded account adopts a key feature early (weeks, exclusive).</summary>
    public int WellKeyAdoptionWeeksExclusive { get; init; } = 5;

    /// <summary>Week from which a well-onboarded account's late key-feature adoption counts (weeks since start).</summary>
    public int WellLateAdoptionFromWeek { get; init; } = 8;

    /// <summary>Mean extra delay of a well-onboarded account's late key-feature adoption (weeks, exponential).</summary>
    public double WellLateAdoptionMeanWeeks { get; init; } = 20;

    /// <summary>Probability that a badly onboarded account adopts a key feature at all on its own.</summary>
    public double PoorKeyAdoptionChance { get; init; } = 0.3;

    /// <summary>Earliest week a badly onboarded account adopts a key feature (weeks since start, inclusive).</summary>
    public int PoorKeyAdoptionFromWeek { get; init; } = 2;

    /// <summary>One more than the latest week a badly onboarded account adopts a key feature (weeks, exclusive).</summary>
    public int PoorKeyAdoptionUntilWeekExclusive { get; init; } = 9;

    /// <summary>Week from which customer success may rescue a bad onboarding (weeks since start).</summary>
    public int RescueFromWeek { get; init; } = 10;

    /// <summary>Probability per week that customer success rescues a bad onboarding.</summary>
    public double RescueChancePerWeek { get; init; } = 0.03;

    /// <summary>One more than the most weeks a rescue takes to get the key features adopted (weeks, exclusive).</summary>
    public int RescueAdoptionWeeksExclusive { get; init; } = 4;

    /// <summary>Weeks a well-onboarded account takes to ramp up to its full health (weeks).</summary>
    public double RampWeeksWell { get; init; } = 5.0;

    /// <summary>Weeks a badly onboarded account takes to ramp up to its full health (weeks).</summary>
    public double RampWeeksPoor { get; init; } = 12.0;

    /// <summary>Factor on the target health of a badly onboarded account until it is rescued (0 to 1).</summary>
    public double PoorHealthFactor { get; init; } = 0.6;

    /// <summary>Extra support tickets per week of a badly onboarded, unrescued account (tickets per week).</summary>
    public double PoorExtraTicketsPerWeek { get; init; } = 0.12;

    /// <summary>Week until which a bad onboarding brings those extra tickets (weeks since start, exclusive).</summary>
    public int PoorExtraTicketsUntilWeek { get; init; } = 16;

    /// <summary>Fewest key features adopted for the onboarding to count as good at a churn decision (features).</summary>
    public int GoodOnboardingKeyFeatures { get; init; } = 2;

    /// <summary>Week after which a poor onboarding no longer weighs on the churn decision (weeks since start, exclusive).</summary>
    public int PoorOnboardingRiskUntilWeek { get; init; } = 30;
}
