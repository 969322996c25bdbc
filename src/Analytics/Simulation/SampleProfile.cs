namespace ChurnWatch.Analytics.Simulation;

/// <summary>What kind of business the sample company is.</summary>
public enum SampleProfile
{
    /// <summary>
    /// The default: sales-led B2B with seats, monthly and annual contracts, support tickets, invoices and payment attempts.
    /// </summary>
    Contracts = 0,

    /// <summary>
    /// Self-serve: the same accounts and usage, but every plan monthly (no contract renewals), one seat per account (seats
    /// say nothing), and no tickets, invoices or payment attempts in the source: a company shaped like many product-led ones.
    /// </summary>
    SelfServe = 1,
}
