namespace ChurnWatch.Analytics.Metrics;

/// <summary>
/// One month of the MRR bridge: start + new + expansion - contraction - churn + reactivation = end, and the rates
/// computed from it. Rates are null when the month starts with no MRR (or no customers).
/// </summary>
/// <param name="Month">First day of the calendar month.</param>
/// <param name="StartMrr">MRR at the last instant of the month before.</param>
/// <param name="NewMrr">MRR of customers who were never customers before.</param>
/// <param name="ExpansionMrr">Increases of customers present at both ends of the month.</param>
/// <param name="ContractionMrr">Decreases of customers present at both ends (a positive amount).</param>
/// <param name="ChurnedMrr">Start MRR of customers gone at the end (a positive amount).</param>
/// <param name="ReactivationMrr">MRR of former customers who came back.</param>
/// <param name="EndMrr">MRR at the last instant of the month.</param>
/// <param name="CustomersStart">Customers at the start.</param>
/// <param name="NewCustomers">New customers.</param>
/// <param name="ReactivatedCustomers">Returning former customers.</param>
/// <param name="ChurnedCustomers">Customers at the start who are gone at the end.</param>
/// <param name="CustomersEnd">Customers at the end.</param>
/// <param name="SignedUpAndCancelled">Customers who signed up and cancelled within the month.</param>
public sealed record MrrMonth(
    DateOnly Month,
    decimal StartMrr,
    decimal NewMrr,
    decimal ExpansionMrr,
    decimal ContractionMrr,
    decimal ChurnedMrr,
    decimal ReactivationMrr,
    decimal EndMrr,
    int CustomersStart,
    int NewCustomers,
    int ReactivatedCustomers,
    int ChurnedCustomers,
    int CustomersEnd,
    int SignedUpAndCancelled)
{
    /// <summary>Customers churned in the month (those who joined in it excluded) / customers at the start.</summary>
    public double? LogoChurnRate => CustomersStart == 0 ? null : (double)ChurnedCustomers / CustomersStart;

    /// <summary>(churn + contraction) / start MRR.</summary>
    public double? GrossMrrChurn => Rate(ChurnedMrr + ContractionMrr);

    /// <summary>(churn + contraction - expansion - reactivation) / start MRR; negative when expansion outgrows losses.</summary>
    public double? NetMrrChurn => Rate(ChurnedMrr + ContractionMrr - ExpansionMrr - ReactivationMrr);

    /// <summary>Gross revenue retention: (start - contraction - churn) / start MRR.</summary>
    public double? GrossRevenueRetention => Rate(StartMrr - ContractionMrr - ChurnedMrr);

    /// <summary>Net revenue retention: (start + expansion - contraction - churn) / start MRR.</summary>
    public double? NetRevenueRetention => Rate(StartMrr + ExpansionMrr - ContractionMrr - ChurnedMrr);

    private double? Rate(decimal amount) => StartMrr == 0 ? null : (double)(amount / StartMrr);
}
