namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// The behaviour of the simulated company in numbers: segment mix and sizes, health dynamics, onboarding, events, support
/// tickets, the churn decision, seat changes, billing and usage.
/// </summary>
/// <remarks>
/// Immutable: change a value with <c>with</c>, e.g. <c>SimulationTunables.Default with { Churn = SimulationTunables.Default.Churn with { MonthlyRiskSlope = 0.5 } }</c>.
/// The defaults are the sample company of the README and the demo; the same tunables and seed always give the same company.
/// Probabilities are 0 to 1; health (engagement) is 0 to 1; a share is 0 to 1.
/// </remarks>
public sealed record SimulationTunables
{
    /// <summary>The sample company's behaviour.</summary>
    public static SimulationTunables Default { get; } = new();

    /// <summary>
    /// Share of new accounts in <see cref="SampleSegments.Smb"/> (a cumulative share: a uniform draw below it is SMB).
    /// </summary>
    public double SmbUpTo { get; init; } = 0.6;

    /// <summary>
    /// Share of new accounts in <see cref="SampleSegments.Smb"/> or <see cref="SampleSegments.MidMarket"/> (cumulative
    /// share: the rest are <see cref="SampleSegments.Enterprise"/>).
    /// </summary>
    public double MidMarketUpTo { get; init; } = 0.9;

    /// <summary>How <see cref="SampleSegments.Smb"/> accounts start out.</summary>
    public SegmentTunables Smb { get; init; } = new()
    {
        SeatsMin = 2,
        SeatsMaxExclusive = 13,
        AnnualChance = 0.2,
        PayByCardChance = 0.9,
        WellOnboardedChance = 0.68,
        ApiAdoptionChance = 0.1,
        SsoAdoptionChance = 0.05,
        CardTroubleChancePerWeek = 0.0035,
    };

    /// <summary>How <see cref="SampleSegments.MidMarket"/> accounts start out.</summary>
    public SegmentTunables MidMarket { get; init; } = new()
    {
        SeatsMin = 12,
        SeatsMaxExclusive = 46,
        AnnualChance = 0.55,
        PayByCardChance = 0.35,
        WellOnboardedChance = 0.76,
        ApiAdoptionChance = 0.3,
        SsoAdoptionChance = 0.3,
        CardTroubleChancePerWeek = 0.002,
        StandardDiscountChance = 0.3,
        StandardDiscount = 0.10m,
    };

    /// <summary>How <see cref="SampleSegments.Enterprise"/> accounts start out.</summary>
    public SegmentTunables Enterprise { get; init; } = new()
    {
        SeatsMin = 45,
        SeatsMaxExclusive = 151,
        AnnualChance = 0.9,
        PayByCardChance = 0,
        WellOnboardedChance = 0.85,
        ApiAdoptionChance = 0.6,
        SsoAdoptionChance = 0.85,
        CardTroubleChancePerWeek = 0.002,
        NegotiatedDiscountMax = 0.25,
    };

    /// <summary>Sign-up, region, base health and growth of new accounts.</summary>
    public AccountTunables Accounts { get; init; } = new();

    /// <summary>Onboarding and adoption of the key features.</summary>
    public OnboardingTunables Onboarding { get; init; } = new();

    /// <summary>Adoption of the other features.</summary>
    public FeatureAdoptionTunables Adoption { get; init; } = new();

    /// <summary>The weekly health of an account.</summary>
    public HealthTunables Health { get; init; } = new();

    /// <summary>Champion changes, incidents, card trouble, distress and budget cuts.</summary>
    public EventTunables Events { get; init; } = new();

    /// <summary>Seat demand and the users who join and leave.</summary>
    public UserTunables Users { get; init; } = new();

    /// <summary>Support tickets.</summary>
    public TicketTunables Tickets { get; init; } = new();

    /// <summary>The churn decision at contract boundaries.</summary>
    public ChurnTunables Churn { get; init; } = new();

    /// <summary>Seat true-ups, cuts and expansion.</summary>
    public SeatTunables Seats { get; init; } = new();

    /// <summary>Invoices and payments.</summary>
    public BillingTunables Billing { get; init; } = new();

    /// <summary>Usage events.</summary>
    public UsageTunables Usage { get; init; } = new();

    /// <summary>The tunables of <paramref name="segment"/> (one of <see cref="SampleSegments"/>).</summary>
    public SegmentTunables ForSegment(string segment) => segment switch
    {
        SampleSegments.Smb => Smb,
        SampleSegments.MidMarket => MidMarket,
        SampleSegments.Enterprise => Enterprise,
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment."),
    };
}
