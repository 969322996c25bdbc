using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Scoring;

/// <summary>Which <see cref="ReasonTopic"/> each predictor belongs to.</summary>
public static class ReasonTopics
{
    /// <summary>The topic of <paramref name="predictor"/> (a documented predictor name or a per-feature usage column).</summary>
    public static ReasonTopic Of(string predictor)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        return predictor switch
        {
            PredictorNames.AnnualContract or PredictorNames.DaysToRenewal => ReasonTopic.Contract,
            PredictorNames.PlanTier or PredictorNames.Seats or PredictorNames.Mrr => ReasonTopic.Plan,
            PredictorNames.TenureDays => ReasonTopic.Tenure,
            PredictorNames.Wau4w or PredictorNames.WauPrev8w or PredictorNames.WauChange => ReasonTopic.ActiveUsers,
            PredictorNames.Events28d or PredictorNames.EventsPerUser28d or PredictorNames.EventsChange => ReasonTopic.Usage,
            PredictorNames.FeatureBreadth28d or PredictorNames.KeyFeaturesAdopted or PredictorNames.DaysToFirstKeyFeature
                or PredictorNames.SeatUtilisation => ReasonTopic.Adoption,
            PredictorNames.DaysSinceLastActivity => ReasonTopic.Activity,
            PredictorNames.TicketsOpened90d or PredictorNames.TicketsOpen or PredictorNames.UrgentOpen or PredictorNames.UrgentOpenOver14d
                or PredictorNames.SlaBreached90d or PredictorNames.MedianDaysToResolve180d or PredictorNames.MaxTier90d
                or PredictorNames.CsatAvg180d => ReasonTopic.Support,
            PredictorNames.InvoicesPastDue or PredictorNames.MaxDaysOverdue or PredictorNames.FailedPayments90d => ReasonTopic.Billing,
            PredictorNames.MrrChange90d => ReasonTopic.Revenue,
            _ when predictor.StartsWith(PredictorNames.UsagePrefix, StringComparison.Ordinal) => ReasonTopic.Usage,
            // A predictor added later without a topic is behaviour until said otherwise: it is shown, not hidden.
            _ => ReasonTopic.Usage,
        };
    }

    /// <summary>Whether <paramref name="topic"/> is about what the account is rather than what it does.</summary>
    public static bool IsStructure(ReasonTopic topic) => topic is ReasonTopic.Contract or ReasonTopic.Plan or ReasonTopic.Tenure;
}
