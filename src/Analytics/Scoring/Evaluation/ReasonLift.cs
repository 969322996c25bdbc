namespace ChurnWatch.Analytics.Scoring.Evaluation;

/// <summary>
/// One cell of the reasons' replay: the account-weeks of a risk band whose first reason fell in a group, how many were
/// followed by churn, and the same for the band's other account-weeks, which are what the group is compared with.
/// </summary>
/// <param name="Band">The risk band of the scores.</param>
/// <param name="Group">The group of their first reason.</param>
/// <param name="AccountWeeks">Scored account x date pairs of the band whose first reason is in the group.</param>
/// <param name="Churned">Of those, the ones followed by churn within the horizon after the date.</param>
/// <param name="OthersAccountWeeks">The band's account-weeks whose first reason is in any other group.</param>
/// <param name="OthersChurned">Of those, the ones followed by churn.</param>
public sealed record ReasonLift(RiskBand Band, ReasonGroup Group, int AccountWeeks, int Churned, int OthersAccountWeeks, int OthersChurned)
{
    /// <summary>Share of the group's account-weeks followed by churn; NaN when it has none.</summary>
    public double Rate => AccountWeeks == 0 ? double.NaN : (double)Churned / AccountWeeks;

    /// <summary>Share of the band's other account-weeks followed by churn; NaN when there are none.</summary>
    public double OthersRate => OthersAccountWeeks == 0 ? double.NaN : (double)OthersChurned / OthersAccountWeeks;

    /// <summary><see cref="Rate"/> / <see cref="OthersRate"/>: above 1, the group churned more often than the rest of its band; NaN where either is undefined or no other churned.</summary>
    public double Lift => OthersRate > 0 ? Rate / OthersRate : double.NaN;

    /// <summary>
    /// Churns to expect if the group's account-weeks churned at the rate of the band's others: 0 when the group has no
    /// account-weeks here, NaN when it has some but the band has no others to compare with.
    /// </summary>
    public double ExpectedChurned => AccountWeeks == 0 ? 0 : AccountWeeks * OthersRate;
}
