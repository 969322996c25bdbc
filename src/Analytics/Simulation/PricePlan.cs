namespace ChurnWatch.Analytics.Simulation;

/// <summary>A plan of the sample company's price book: a per-seat list price up to a seat count.</summary>
/// <param name="Name">Plan name as it appears in <c>subscriptions.plan</c>.</param>
/// <param name="ListPricePerSeat">Monthly list price per seat before the mid-window price rise.</param>
/// <param name="MaxSeats">The largest seat count the plan is sold for; above it the account moves up a plan.</param>
internal sealed record PricePlan(string Name, decimal ListPricePerSeat, int MaxSeats)
{
    /// <summary>The plans from the smallest up.</summary>
    public static IReadOnlyList<PricePlan> All { get; } =
    [
        new("Starter", 15m, 10),
        new("Team", 29m, 40),
        new("Business", 45m, 120),
        new("Enterprise", 65m, int.MaxValue),
    ];

    /// <summary>The plan sold for <paramref name="seats"/> seats.</summary>
    public static PricePlan ForSeats(int seats) => All.First(p => seats <= p.MaxSeats);

    /// <summary>
    /// MRR of a contract: seats x list price, 8% more for contracts signed after the price rise, 15% off for annual
    /// prepayment, minus the account's negotiated discount. Several price points exist for the same plan on purpose.
    /// </summary>
    public static decimal Mrr(int seats, bool afterPriceRise, bool annual, decimal negotiatedDiscount)
    {
        var plan = ForSeats(seats);
        var price = plan.ListPricePerSeat * (afterPriceRise ? 1.08m : 1m) * (annual ? 0.85m : 1m);
        return decimal.Round(seats * price * (1m - negotiatedDiscount), 2, MidpointRounding.AwayFromZero);
    }
}
