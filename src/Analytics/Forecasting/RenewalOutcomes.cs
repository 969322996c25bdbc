namespace ChurnWatch.Analytics.Forecasting;

/// <summary>Settled renewals added up: how many, the ARR that was due, and the ARR of those that renewed.</summary>
/// <param name="Renewals">Contracts whose renewal settled.</param>
/// <param name="ArrDue">Their ARR due.</param>
/// <param name="RenewedArr">The ARR due of those that renewed.</param>
public sealed record RenewalOutcomes(int Renewals, decimal ArrDue, decimal RenewedArr)
{
    /// <summary>Renewed ARR / ARR due; null when no ARR was due.</summary>
    public decimal? Rate => ArrDue == 0 ? null : RenewedArr / ArrDue;

    /// <summary>The outcomes of <paramref name="renewals"/>.</summary>
    public static RenewalOutcomes Of(IEnumerable<SettledRenewal> renewals)
    {
        ArgumentNullException.ThrowIfNull(renewals);
        var list = renewals.ToList();
        return new RenewalOutcomes(list.Count, list.Sum(r => r.Arr), list.Where(r => r.Renewed).Sum(r => r.Arr));
    }
}
