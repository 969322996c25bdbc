using System.Globalization;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Readiness;

/// <summary>
/// What ChurnWatch can and cannot do with a company's data, judged before the first run (<c>churnwatch source check</c>):
/// whether the history is long enough for the model settings (naming the keys), whether anything has churned, and which
/// signals, predictors and outputs the data leaves off (no tickets, no invoices, no contracts, no seats, no owners).
/// </summary>
public static class DataReadiness
{
    /// <param name="ledger">Accounts and subscriptions (usage is not read).</param>
    /// <param name="shape">The company's shape (usage start, seats, data as of).</param>
    /// <param name="providesTickets">Whether the source has tickets at all.</param>
    /// <param name="providesBilling">Whether the source has invoices and payment attempts.</param>
    /// <param name="modeling">The model settings the pipeline would train with.</param>
    /// <param name="unassignedOwner">Output:UnassignedOwner, named for accounts without an owner.</param>
    public static IReadOnlyList<ReadinessFinding> Assess(
        CompanyHistory ledger, CompanyShape shape, bool providesTickets, bool providesBilling, ModelingOptions modeling, string unassignedOwner)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(modeling);
        var findings = new List<ReadinessFinding>();
        if (shape.UsageStartDay is not { } usageStart)
        {
            findings.Add(new(true, "There is no product usage: the models and most signals read it. Provide usage_events (source contract)."));
            return findings;
        }

        // Counted from the first usage, as the observation dates are (and as training's error counts it).
        var days = ObservationCalendar.DayOf(shape.DataAsOf) - usageStart;
        var label = modeling.WarmUpDays + modeling.HorizonDays + modeling.GraceDays;
        var history = I($"The history is {days} days ({DateOnly.FromDayNumber(usageStart):yyyy-MM-dd} to {shape.DataAsOf:yyyy-MM-dd})");
        findings.Add(days >= modeling.MinimumHistoryDays
            ? new(false, I($"{history}: enough to train and backtest the churn model, which needs {modeling.MinimumHistoryDays} days with these settings."))
            : new(true, I($"{history}; training and backtesting the churn model needs {modeling.MinimumHistoryDays} days: {modeling.MinimumHistoryTerms} (a label alone needs {label}). Shorten those settings, for example Modeling:HorizonDays for a shorter prediction horizon, or wait for more history.")));

        var churned = ledger.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal)
            .Count(g => ChurnEvents.Find(g, shape.DataAsOf, modeling.GraceDays).Count > 0);
        findings.Add(churned > 0
            ? new(false, I($"{churned:N0} of {ledger.Accounts.Count:N0} accounts have churned (the last subscription ended, none again within Modeling:GraceDays, {modeling.GraceDays} days): the churn model learns from them."))
            : new(true, "No account has churned yet: a churn model needs accounts that left as well as accounts that stayed."));

        if (!providesTickets)
        {
            findings.Add(new(false, "No tickets: support-risk signals and the ticket predictors are off."));
        }

        if (!providesBilling)
        {
            findings.Add(new(false, "No invoices or payment attempts: billing risk comes from falling MRR alone, and the invoice and payment predictors are off."));
        }

        var contracts = ledger.Subscriptions.Count(s => s.RenewalDate is not null || s.BillingPeriodMonths >= 12);
        findings.Add(contracts == 0
            ? new(false, "Every subscription is monthly without a renewal date: there is no renewal model, renewal-at-risk signal or contract in the renewal forecast.")
            : new(false, I($"{contracts:N0} subscriptions are contracts (a renewal date or a period of 12 months or more): the renewal model and forecast use them.")));

        if (!shape.LicensesSeats)
        {
            findings.Add(new(false, "No subscription or account has more than one seat: the seat predictors and the seat-saturation signal are off."));
        }

        var unowned = ledger.Accounts.Count(a => string.IsNullOrWhiteSpace(a.OwnerEmail));
        if (unowned > 0)
        {
            findings.Add(new(false, I($"{unowned:N0} accounts have no owner_email: their signals and weekly report go to Output:UnassignedOwner ({unassignedOwner}).")));
        }

        var segments = ledger.Accounts.Select(a => a.Segment).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        findings.Add(new(false, I($"Segments found: {string.Join(", ", segments.Take(10))}{(segments.Count > 10 ? $" and {segments.Count - 10} more" : string.Empty)}; the reports, forecasts and exports group by them.")));
        return findings;
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
