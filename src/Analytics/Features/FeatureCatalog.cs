using System.Globalization;
using System.Text;

namespace ChurnWatch.Analytics.Features;

/// <summary>
/// The documented features. Every value is computed as of an observation date D (UTC midnight) from data strictly
/// before D; "missing" is NaN, never 0, so an entity the company does not provide cannot look like "no tickets".
/// </summary>
public static class FeatureCatalog
{
    private static readonly FeatureDefinition[] CoreDefinitions =
    [
        new(FeatureNames.TenureDays, "Days since the account's first subscription started.", FeatureSource.Subscriptions, true),
        new(FeatureNames.Mrr, "MRR of the subscriptions active at D.", FeatureSource.Subscriptions, true),
        new(FeatureNames.MrrChange90d, "Relative MRR change vs 90 days before D, bounded to [-1, 5]; NaN when not a customer then.", FeatureSource.Subscriptions, false),
        new(FeatureNames.PlanTier, "Ordinal of the highest active plan in ModelingOptions.PlanTiers (1 = lowest); NaN for unknown plans.", FeatureSource.Subscriptions, false),
        new(FeatureNames.AnnualContract, "1 when an active subscription has a contract (renewal date or billing period >= 12 months), else 0.", FeatureSource.Subscriptions, false),
        new(FeatureNames.Seats, "Seats of the subscriptions active at D (their Seats field); NaN when the source gives none.", FeatureSource.Subscriptions, true),
        new(FeatureNames.DaysToRenewal, "Days from D to the next contract renewal anniversary; NaN for month-to-month.", FeatureSource.Subscriptions, true),
        new(FeatureNames.Wau4w, "Mean weekly active users over the 4 complete weeks before D.", FeatureSource.Usage, true),
        new(FeatureNames.WauPrev8w, "Mean weekly active users over the 8 weeks before those 4.", FeatureSource.Usage, true),
        new(FeatureNames.WauChange, "(wau_4w - wau_prev_8w) / max(wau_prev_8w, 1), bounded to [-1, 3].", FeatureSource.Usage, false),
        new(FeatureNames.SeatUtilisation, "wau_4w / seats.", FeatureSource.Usage, false),
        new(FeatureNames.Events28d, "Usage events in the 28 days before D.", FeatureSource.Usage, true),
        new(FeatureNames.EventsPerUser28d, "events_28d / max(wau_4w, 1).", FeatureSource.Usage, true),
        new(FeatureNames.EventsChange, "Relative change of events in the last 28 days vs the 28-day rate of the 56 days before, bounded to [-1, 3].", FeatureSource.Usage, false),
        new(FeatureNames.FeatureBreadth28d, "Distinct features used in the 28 days before D.", FeatureSource.Usage, false),
        new(FeatureNames.DaysSinceLastActivity, "Days since the last day with any usage (since the customer started when never active).", FeatureSource.Usage, true),
        new(FeatureNames.DaysToFirstKeyFeature, "Days from the first subscription start to the first use of a key feature; NaN while none used.", FeatureSource.Usage, true),
        new(FeatureNames.KeyFeaturesAdopted, "Key features used at least once before D.", FeatureSource.Usage, false),
        new(FeatureNames.TicketsOpened90d, "Tickets opened in the 90 days before D.", FeatureSource.Tickets, true),
        new(FeatureNames.TicketsOpen, "Tickets open at D.", FeatureSource.Tickets, true),
        new(FeatureNames.UrgentOpen, "Urgent tickets open at D.", FeatureSource.Tickets, true),
        new(FeatureNames.UrgentOpenOver14d, "Urgent tickets open at D and opened more than 14 days before it.", FeatureSource.Tickets, true),
        new(FeatureNames.SlaBreached90d, "Tickets resolved in the 90 days before D that breached their SLA (resolved only: the flag of an open ticket may still change).", FeatureSource.Tickets, true),
        new(FeatureNames.MedianDaysToResolve180d, "Median days to resolve of tickets resolved in the 180 days before D; NaN when none.", FeatureSource.Tickets, true),
        new(FeatureNames.MaxTier90d, "Highest support tier (1-3) of tickets resolved in the 90 days before D; 0 when none.", FeatureSource.Tickets, false),
        new(FeatureNames.CsatAvg180d, "Mean CSAT of tickets resolved in the 180 days before D; NaN when none rated.", FeatureSource.Tickets, false),
        new(FeatureNames.InvoicesPastDue, "Invoices issued before D that were due and unpaid at D.", FeatureSource.Invoices, true),
        new(FeatureNames.MaxDaysOverdue, "Days the oldest past-due invoice is overdue at D; 0 when none.", FeatureSource.Invoices, true),
        new(FeatureNames.FailedPayments90d, "Failed payment attempts in the 90 days before D.", FeatureSource.PaymentAttempts, true),
    ];

    /// <summary>The fixed features, in column order. Per-feature usage columns follow them in a <see cref="FeatureSchema"/>.</summary>
    public static IReadOnlyList<FeatureDefinition> Core => CoreDefinitions;

    /// <summary>The column name for a product feature's 28-day events: <c>usage_&lt;feature&gt;_28d</c>, snake_case.</summary>
    public static string UsageColumnName(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var sb = new StringBuilder(FeatureNames.UsagePrefix, FeatureNames.UsagePrefix.Length + feature.Length + 4);
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

        while (sb.Length > FeatureNames.UsagePrefix.Length && sb[^1] == '_')
        {
            sb.Length--;
        }

        if (sb.Length == FeatureNames.UsagePrefix.Length)
        {
            // A name made only of symbols still needs a stable, distinct column.
            sb.Append(CultureInfo.InvariantCulture, $"x{feature.Length}");
        }

        return sb.Append(FeatureNames.UsageSuffix).ToString();
    }

    /// <summary>The definition of a per-feature usage column.</summary>
    public static FeatureDefinition UsageFeature(string feature) =>
        new(UsageColumnName(feature), $"Events of feature '{feature}' in the 28 days before D.", FeatureSource.Usage, true);
}
