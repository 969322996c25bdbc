using System.Globalization;
using System.Text;

namespace ChurnWatch.Analytics.Predictors;

/// <summary>
/// The documented predictors. Every value is computed as of an observation date D (UTC midnight) from data strictly
/// before D; "missing" is NaN, never 0, so an entity the company does not provide cannot look like "no tickets".
/// </summary>
public static class PredictorCatalog
{
    private static readonly PredictorDefinition[] CoreDefinitions =
    [
        new(PredictorNames.TenureDays, "Days since the account's first subscription started.", PredictorSource.Subscriptions, true),
        new(PredictorNames.Mrr, "MRR of the subscriptions active at D.", PredictorSource.Subscriptions, true),
        new(PredictorNames.MrrChange90d, "Relative MRR change vs 90 days before D, bounded to [-1, 5]; NaN when not a customer then.", PredictorSource.Subscriptions, false),
        new(PredictorNames.PlanTier, "Ordinal of the highest active plan in ModelingOptions.PlanTiers (1 = lowest); NaN for unknown plans.", PredictorSource.Subscriptions, false),
        new(PredictorNames.AnnualContract, "1 when an active subscription has a contract (renewal date or billing period >= 12 months), else 0.", PredictorSource.Subscriptions, false),
        new(PredictorNames.Seats, "Seats of the subscriptions active at D (their Seats field); NaN when the source gives none.", PredictorSource.Subscriptions, true),
        new(PredictorNames.DaysToRenewal, "Days from D to the next contract renewal anniversary; NaN for month-to-month.", PredictorSource.Subscriptions, true),
        new(PredictorNames.Wau4w, "Mean weekly active users over the 4 complete weeks before D.", PredictorSource.Usage, true),
        new(PredictorNames.WauPrev8w, "Mean weekly active users over the 8 weeks before those 4.", PredictorSource.Usage, true),
        new(PredictorNames.WauChange, "(wau_4w - wau_prev_8w) / max(wau_prev_8w, 1), bounded to [-1, 3].", PredictorSource.Usage, false),
        new(PredictorNames.SeatUtilisation, "wau_4w / seats.", PredictorSource.Usage, false),
        new(PredictorNames.Events28d, "Usage events in the 28 days before D.", PredictorSource.Usage, true),
        new(PredictorNames.EventsPerUser28d, "events_28d / max(wau_4w, 1).", PredictorSource.Usage, true),
        new(PredictorNames.EventsChange, "Relative change of events in the last 28 days vs the 28-day rate of the 56 days before, bounded to [-1, 3].", PredictorSource.Usage, false),
        new(PredictorNames.FeatureBreadth28d, "Distinct features used in the 28 days before D.", PredictorSource.Usage, false),
        new(PredictorNames.DaysSinceLastActivity, "Days since the last day with any usage (since the customer started when never active).", PredictorSource.Usage, true),
        new(PredictorNames.DaysToFirstKeyFeature, "Days from the first subscription start to the first use of a key feature; NaN while none used.", PredictorSource.Usage, true),
        new(PredictorNames.KeyFeaturesAdopted, "Key features used at least once before D.", PredictorSource.Usage, false),
        new(PredictorNames.TicketsOpened90d, "Tickets opened in the 90 days before D.", PredictorSource.Tickets, true),
        new(PredictorNames.TicketsOpen, "Tickets open at D.", PredictorSource.Tickets, true),
        new(PredictorNames.UrgentOpen, "Urgent tickets open at D.", PredictorSource.Tickets, true),
        new(PredictorNames.UrgentOpenOver14d, "Urgent tickets open at D and opened more than 14 days before it.", PredictorSource.Tickets, true),
        new(PredictorNames.SlaBreached90d, "Tickets resolved in the 90 days before D that breached their SLA (resolved only: the flag of an open ticket may still change).", PredictorSource.Tickets, true),
        new(PredictorNames.MedianDaysToResolve180d, "Median days to resolve of tickets resolved in the 180 days before D; NaN when none.", PredictorSource.Tickets, true),
        new(PredictorNames.MaxTier90d, "Highest support tier (1-3) of tickets resolved in the 90 days before D; 0 when none.", PredictorSource.Tickets, false),
        new(PredictorNames.CsatAvg180d, "Mean CSAT of tickets resolved in the 180 days before D; NaN when none rated.", PredictorSource.Tickets, false),
        new(PredictorNames.InvoicesPastDue, "Invoices issued before D that were due and unpaid at D.", PredictorSource.Invoices, true),
        new(PredictorNames.MaxDaysOverdue, "Days the oldest past-due invoice is overdue at D; 0 when none.", PredictorSource.Invoices, true),
        new(PredictorNames.FailedPayments90d, "Failed payment attempts in the 90 days before D.", PredictorSource.PaymentAttempts, true),
    ];

    /// <summary>The fixed predictors, in column order. Per-feature usage columns follow them in a <see cref="PredictorSchema"/>.</summary>
    public static IReadOnlyList<PredictorDefinition> Core => CoreDefinitions;

    /// <summary>The column name for a product feature's 28-day events: <c>usage_&lt;feature&gt;_28d</c>, snake_case.</summary>
    public static string UsageColumnName(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var sb = new StringBuilder(PredictorNames.UsagePrefix, PredictorNames.UsagePrefix.Length + feature.Length + 4);
        var lastUnderscore = true;
        foreach (var ch in feature)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                lastUnderscore = false;
            }
            else if (!lastUnderscore)
            {
                sb.Append('_');
                lastUnderscore = true;
            }
        }

        while (sb.Length > PredictorNames.UsagePrefix.Length && sb[^1] == '_')
        {
            sb.Length--;
        }

        if (sb.Length == PredictorNames.UsagePrefix.Length)
        {
            // A name made only of symbols still needs a stable, distinct column.
            sb.Append(CultureInfo.InvariantCulture, $"x{feature.Length}");
        }

        return sb.Append(PredictorNames.UsageSuffix).ToString();
    }

    /// <summary>The definition of a per-feature usage column.</summary>
    public static PredictorDefinition UsagePredictor(string feature) =>
        new(UsageColumnName(feature), $"Events of feature '{feature}' in the 28 days before D.", PredictorSource.Usage, true);
}
