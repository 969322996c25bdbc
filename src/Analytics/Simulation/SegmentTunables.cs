namespace ChurnWatch.Analytics.Simulation;

/// <summary>How the accounts of one customer segment (<see cref="SampleSegments"/>) start out.</summary>
public sealed record SegmentTunables
{
    /// <summary>Fewest seats of a new account's first contract (seats, inclusive).</summary>
    public int SeatsMin { get; init; }

    /// <summary>One more than the most seats of a new account's first contract (seats, exclusive).</summary>
    public int SeatsMaxExclusive { get; init; }

    /// <summary>Probability that the account signs an annual contract rather than a monthly one.</summary>
    public double AnnualChance { get; init; }

    /// <summary>
    /// Probability that the account pays by card rather than by invoice; 0 means always by invoice, and then nothing is
    /// drawn.
    /// </summary>
    public double PayByCardChance { get; init; }

    /// <summary>Probability that onboarding goes well (the key features are adopted in the first weeks).</summary>
    public double WellOnboardedChance { get; init; }

    /// <summary>Probability that the account ever adopts the <c>api</c> feature.</summary>
    public double ApiAdoptionChance { get; init; }

    /// <summary>Probability that the account ever adopts the <c>sso</c> feature.</summary>
    public double SsoAdoptionChance { get; init; }

    /// <summary>
    /// Probability per week that a card-paying account's card starts failing (expired, over the limit); see
    /// <see cref="EventTunables.CardTroubleMinWeeks"/> for how long it lasts.
    /// </summary>
    public double CardTroubleChancePerWeek { get; init; }

    /// <summary>
    /// Largest negotiated discount (share of the list price, 0 to 1): each account draws one uniformly from 0 up to it,
    /// rounded to whole percent. 0 means no negotiated discount and nothing is drawn.
    /// </summary>
    public double NegotiatedDiscountMax { get; init; }

    /// <summary>
    /// Probability that an account without a negotiated discount gets <see cref="StandardDiscount"/>; 0 means never, and
    /// then nothing is drawn.
    /// </summary>
    public double StandardDiscountChance { get; init; }

    /// <summary>The standard discount (share of the list price, 0 to 1) given with <see cref="StandardDiscountChance"/>.</summary>
    public decimal StandardDiscount { get; init; }
}
