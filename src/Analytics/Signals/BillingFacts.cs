namespace ChurnWatch.Analytics.Signals;

/// <summary>An account's invoices, payments and MRR as of a date, as the billing-risk rule reads them.</summary>
/// <param name="PastDueInvoices">Invoices unpaid at the date at least <see cref="SignalOptions.PastDueDays"/> days after their due date; 0 without invoice data.</param>
/// <param name="OldestPastDueDays">Days past due of the oldest unpaid invoice; 0 when none.</param>
/// <param name="PastDueAmount">Amount of those invoices.</param>
/// <param name="FailedPayments">Failed payment attempts in the billing window; 0 without payment data.</param>
/// <param name="Mrr">MRR of the subscriptions active at the date.</param>
/// <param name="MrrBefore">MRR of the subscriptions active one billing window earlier; 0 when none were.</param>
public sealed record BillingFacts(int PastDueInvoices, int OldestPastDueDays, decimal PastDueAmount, int FailedPayments, decimal Mrr, decimal MrrBefore);
