namespace ChurnWatch.Analytics.Scoring.Evaluation;

/// <summary>What replaying the scores' reasons over past weekly dates showed.</summary>
/// <param name="FirstDate">The first replayed date.</param>
/// <param name="LastDate">The last replayed date (a horizon plus the churn grace period before the data ends).</param>
/// <param name="Dates">Replayed dates.</param>
/// <param name="AccountWeeks">Scored account x date pairs.</param>
/// <param name="Churned">Of those, the ones followed by churn within the horizon.</param>
/// <param name="HorizonDays">The horizon.</param>
/// <param name="Cells">One per risk band x reason group, bands from low to high, groups in <see cref="ReasonGroup"/> order.</param>
public sealed record ReasonEvaluation(
    DateOnly FirstDate,
    DateOnly LastDate,
    int Dates,
    int AccountWeeks,
    int Churned,
    int HorizonDays,
    IReadOnlyList<ReasonLift> Cells)
{
    /// <summary>Share of all account-weeks followed by churn; NaN when there are none.</summary>
    public double ChurnRate => AccountWeeks == 0 ? double.NaN : (double)Churned / AccountWeeks;

    /// <summary>The headline: <see cref="BandAdjustedLift"/> of <see cref="ReasonGroup.UsageDrop"/>.</summary>
    public double UsageDropLift => BandAdjustedLift(ReasonGroup.UsageDrop);

    /// <summary>Account-weeks whose first reason is in <paramref name="group"/>, every band.</summary>
    public int AccountWeeksIn(ReasonGroup group) => Cells.Where(c => c.Group == group).Sum(c => c.AccountWeeks);

    /// <summary>Of those, the ones followed by churn.</summary>
    public int ChurnedIn(ReasonGroup group) => Cells.Where(c => c.Group == group).Sum(c => c.Churned);

    /// <summary>Share of the group's account-weeks followed by churn, every band; NaN when it has none.</summary>
    public double RateIn(ReasonGroup group) => AccountWeeksIn(group) == 0 ? double.NaN : (double)ChurnedIn(group) / AccountWeeksIn(group);

    /// <summary>
    /// Churns the group would have had if each of its account-weeks had churned at the rate of its band's account-weeks
    /// outside the group (<see cref="ReasonLift.ExpectedChurned"/> summed over the bands); NaN when a band the group
    /// has account-weeks in has no others.
    /// </summary>
    public double ExpectedChurnedIn(ReasonGroup group) => Cells.Where(c => c.Group == group).Sum(c => c.ExpectedChurned);

    /// <summary>
    /// Observed / expected churns of the group (indirect standardisation on the risk band): above 1, accounts whose
    /// first reason is in the group churned more often than accounts of the same bands without it, so the reason tells
    /// more than the band alone. NaN when the expected count is undefined or 0.
    /// </summary>
    public double BandAdjustedLift(ReasonGroup group)
    {
        var expected = ExpectedChurnedIn(group);
        return expected > 0 ? ChurnedIn(group) / expected : double.NaN;
    }
}
