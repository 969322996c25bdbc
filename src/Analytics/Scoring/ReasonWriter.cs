using System.Globalization;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Scoring;

/// <summary>Turns a predictor and the account's real values into a sentence an account manager can act on.</summary>
internal static class ReasonWriter
{
    /// <summary>Seat utilisation below this reads "only": fewer than half the seats in use.</summary>
    public const double SeatsFewUsed = 0.5;

    /// <summary>Seat utilisation from this reads as seats mostly in use.</summary>
    public const double SeatsMostlyUsed = 0.8;

    /// <summary>
    /// The driver a predictor belongs to: predictors that say one thing in words (weekly active users now, before and their
    /// change; how many invoices are overdue and how late the oldest is) are one driver, named by its first predictor.
    /// </summary>
    public static string DriverOf(string predictor) => predictor switch
    {
        PredictorNames.WauPrev8w or PredictorNames.WauChange => PredictorNames.Wau4w,
        PredictorNames.MaxDaysOverdue => PredictorNames.InvoicesPastDue,
        _ => predictor,
    };

    /// <summary>
    /// The sentence with, for a level (<see cref="RetainedLevels.IsLevel"/>), what retained accounts on the same plan
    /// do: "12 events of feature comments in the last 28 days (about a tenth of the median of retained Business
    /// accounts, 140)". Without a reference (an old model file) the level stands alone.
    /// </summary>
    public static string Sentence(string predictor, AccountPredictors values, PredictorSettings settings, RetainedLevels levels)
    {
        var sentence = Sentence(predictor, values, settings);
        return Comparison(predictor, values, settings, levels) is { } c
            ? sentence + " " + RetainedLevels.Phrase(c.Predictor, c.Value, c.Median, c.Who)
            : sentence;
    }

    /// <summary>
    /// The level the sentence of <paramref name="predictor"/>'s driver states and what it is compared with; null for a
    /// trend, a share or a fact that needs no comparison, for a missing value, or without a reference. Weekly active
    /// users are a level only when there is no earlier period to compare with.
    /// </summary>
    public static LevelComparison? Comparison(string predictor, AccountPredictors values, PredictorSettings settings, RetainedLevels levels)
    {
        var stated = DriverOf(predictor);
        if (stated == PredictorNames.Wau4w && !double.IsNaN(values[PredictorNames.WauPrev8w]))
            return null;
        var value = values[stated];
        if (!RetainedLevels.IsLevel(stated) || double.IsNaN(value))
            return null;
        var tier = values[PredictorNames.PlanTier];
        var plan = !double.IsNaN(tier) && tier >= 1 && tier <= settings.PlanTiers.Count ? settings.PlanTiers[(int)tier - 1] : null;
        return levels.For(stated, plan) is { } reference ? new LevelComparison(stated, value, reference.Median, reference.Who) : null;
    }

    /// <summary>The sentence of <paramref name="predictor"/> alone: the account's own values, no comparison with other accounts.</summary>
    public static string Sentence(string predictor, AccountPredictors values, PredictorSettings settings)
    {
        var v = values[predictor];
        return predictor switch
        {
            PredictorNames.Wau4w or PredictorNames.WauPrev8w or PredictorNames.WauChange => WeeklyUsers(values),
            PredictorNames.SeatUtilisation when Known(v) && Known(values[PredictorNames.Seats]) =>
                $"{(v < SeatsFewUsed ? "Only " : string.Empty)}{N(values[PredictorNames.Wau4w])} of {N(values[PredictorNames.Seats])} seats active ({N(v * 100)}% utilisation, last 4 weeks)",
            PredictorNames.Seats when Known(v) => $"{Count(v, "seat")} licensed",
            PredictorNames.Events28d when Known(v) => $"{Count(v, "usage event")} in the last 28 days",
            PredictorNames.EventsPerUser28d when Known(v) => $"{N(v)} usage events per active user in the last 28 days",
            PredictorNames.EventsChange when Known(v) => v < 0
                ? $"Usage events fell {N(-v * 100)}% (last 28 days vs the 56 before)"
                : $"Usage events rose {N(v * 100)}% (last 28 days vs the 56 before)",
            PredictorNames.FeatureBreadth28d => $"{Count(v, "feature")} used in the last 28 days",
            PredictorNames.DaysSinceLastActivity => v >= 1 ? $"No activity for {Count(v, "day")}" : "Active in the last day",
            PredictorNames.DaysToFirstKeyFeature => Known(v)
                ? $"First key feature used {Count(v, "day")} after the subscription started"
                : "No key feature used yet",
            PredictorNames.KeyFeaturesAdopted => KeyFeatures(v, settings.KeyFeatures.Distinct(StringComparer.Ordinal).Count()),
            PredictorNames.TicketsOpened90d => $"{Count(v, "support ticket")} opened in the last 90 days",
            PredictorNames.TicketsOpen => $"{Count(v, "support ticket")} open",
            PredictorNames.UrgentOpen => $"{Count(v, "urgent ticket")} open",
            PredictorNames.UrgentOpenOver14d => $"{Count(v, "urgent ticket")} open longer than 14 days",
            PredictorNames.SlaBreached90d => $"{Count(v, "ticket")} resolved in the last 90 days breached the SLA",
            PredictorNames.MedianDaysToResolve180d when Known(v) => $"Tickets took {N(v)} days to resolve (median, last 180 days)",
            PredictorNames.MedianDaysToResolve180d => "No ticket resolved in the last 180 days",
            PredictorNames.Events28d => "No usage recorded in the last 28 days",
            PredictorNames.EventsPerUser28d => "No active user in the last 28 days to count usage events per user",
            PredictorNames.EventsChange => "No usage in the 56 days before the last 28 to compare with",
            PredictorNames.SeatUtilisation or PredictorNames.Seats => "No seat count to compare active users with",
            PredictorNames.MaxTier90d => v >= 2 ? $"A ticket escalated to L{N(v)} support in the last 90 days" : "No ticket escalated beyond L1 in the last 90 days",
            PredictorNames.CsatAvg180d when Known(v) => $"Average CSAT {N(v)} over the last 180 days",
            PredictorNames.CsatAvg180d => "No CSAT rating in the last 180 days",
            // One fact in two predictors (how many invoices, how late the oldest): one sentence, so one reason.
            PredictorNames.InvoicesPastDue or PredictorNames.MaxDaysOverdue => Overdue(values),
            PredictorNames.FailedPayments90d => $"{Count(v, "failed payment")} in the last 90 days",
            PredictorNames.TenureDays => $"Customer for {Count(v, "day")}",
            PredictorNames.Mrr => $"MRR {N(v)}",
            PredictorNames.MrrChange90d when Known(v) => v < 0
                ? $"MRR fell {N(-v * 100)}% over the last 90 days"
                : $"MRR rose {N(v * 100)}% over the last 90 days",
            PredictorNames.MrrChange90d => "Became a customer within the last 90 days",
            PredictorNames.PlanTier when Known(v) && v >= 1 && v <= settings.PlanTiers.Count => $"On the {settings.PlanTiers[(int)v - 1]} plan",
            PredictorNames.PlanTier => "On a plan outside the configured tiers",
            PredictorNames.AnnualContract => v >= 1 ? "On an annual contract" : "Month-to-month, no contract",
            PredictorNames.DaysToRenewal when Known(v) => $"Renewal due in {Count(v, "day")}",
            // Absent renewal date means month-to-month: the same driver as annual_contract = 0, in the same words.
            PredictorNames.DaysToRenewal => "Month-to-month, no contract",
            _ when predictor.StartsWith(PredictorNames.UsagePrefix, StringComparison.Ordinal)
                   && predictor.EndsWith(PredictorNames.UsageSuffix, StringComparison.Ordinal) && Known(v) =>
                $"{Count(v, "event")} of feature {predictor[PredictorNames.UsagePrefix.Length..^PredictorNames.UsageSuffix.Length]} in the last 28 days",
            _ when predictor.StartsWith(PredictorNames.UsagePrefix, StringComparison.Ordinal)
                   && predictor.EndsWith(PredictorNames.UsageSuffix, StringComparison.Ordinal) =>
                $"No events of feature {predictor[PredictorNames.UsagePrefix.Length..^PredictorNames.UsageSuffix.Length]} recorded in the last 28 days",
            _ when Known(v) => $"{predictor} is {N(v)}",
            _ => $"No data for {predictor}",
        };
    }

    private static string WeeklyUsers(AccountPredictors values)
    {
        var now = values[PredictorNames.Wau4w];
        var before = values[PredictorNames.WauPrev8w];
        if (!Known(now))
        {
            return "No weekly usage recorded yet";
        }

        if (!Known(before))
        {
            return $"{N(now)} weekly active users (last 4 weeks)";
        }

        var direction = Math.Round(now, 1) < Math.Round(before, 1) ? "fell" : Math.Round(now, 1) > Math.Round(before, 1) ? "rose" : "stayed";
        return direction == "stayed"
            ? $"Weekly active users stayed at {N(now)} (last 4 weeks vs the 8 before)"
            : $"Weekly active users {direction} from {N(before)} to {N(now)} (last 4 weeks vs the 8 before)";
    }

    private static string Overdue(AccountPredictors values)
    {
        var invoices = values[PredictorNames.InvoicesPastDue];
        var days = values[PredictorNames.MaxDaysOverdue];
        if (!(invoices > 0))
            return days > 0 ? $"Invoice {Count(days, "day")} past due" : "No invoice past due";
        if (!(days > 0))
            return $"{Count(invoices, "invoice")} past due";
        return Math.Round(invoices, 1) == 1
            ? $"1 invoice {Count(days, "day")} past due"
            : $"{Count(invoices, "invoice")} past due, the oldest {Count(days, "day")}";
    }

    private static string KeyFeatures(double adopted, int total) =>
        adopted < total ? $"Only {N(adopted)} of {total} key features adopted" : $"All {total} key features adopted";

    private static bool Known(double v) => !double.IsNaN(v);

    /// <summary>At most one decimal, invariant culture: "7", "7.5".</summary>
    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Count(double v, string noun) => $"{N(v)} {noun}{(Math.Round(v, 1) == 1 ? string.Empty : "s")}";
}
