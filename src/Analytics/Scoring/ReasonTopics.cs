using ChurnWatch.Analytics.Features;

namespace ChurnWatch.Analytics.Scoring;

/// <summary>Which <see cref="ReasonTopic"/> each feature belongs to.</summary>
public static class ReasonTopics
{
    /// <summary>The topic of <paramref name="feature"/> (a documented feature name or a per-feature usage column).</summary>
    public static ReasonTopic Of(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature switch
        {
            FeatureNames.AnnualContract or FeatureNames.DaysToRenewal => ReasonTopic.Contract,
            FeatureNames.PlanTier or FeatureNames.Seats or FeatureNames.Mrr => ReasonTopic.Plan,
            FeatureNames.TenureDays => ReasonTopic.Tenure,
            FeatureNames.Wau4w or FeatureNames.WauPrev8w or FeatureNames.WauChange => ReasonTopic.ActiveUsers,
            FeatureNames.Events28d or FeatureNames.EventsPerUser28d or FeatureNames.EventsChange => ReasonTopic.Usage,
            FeatureNames.FeatureBreadth28d or FeatureNames.KeyFeaturesAdopted or FeatureNames.DaysToFirstKeyFeature
                or FeatureNames.SeatUtilisation => ReasonTopic.Adoption,
            FeatureNames.DaysSinceLastActivity => ReasonTopic.Activity,
            FeatureNames.TicketsOpened90d or FeatureNames.TicketsOpen or FeatureNames.UrgentOpen or FeatureNames.UrgentOpenOver14d
                or FeatureNames.SlaBreached90d or FeatureNames.MedianDaysToResolve180d or FeatureNames.MaxTier90d
                or FeatureNames.CsatAvg180d => ReasonTopic.Support,
            FeatureNames.InvoicesPastDue or FeatureNames.MaxDaysOverdue or FeatureNames.FailedPayments90d => ReasonTopic.Billing,
            FeatureNames.MrrChange90d => ReasonTopic.Revenue,
            _ when feature.StartsWith(FeatureNames.UsagePrefix, StringComparison.Ordinal) => ReasonTopic.Usage,
            // A feature added later without a topic is behaviour until said otherwise: it is shown, not hidden.
            _ => ReasonTopic.Usage,
        };
    }

    /// <summary>Whether <paramref name="topic"/> is about what the account is rather than what it does.</summary>
    public static bool IsStructure(ReasonTopic topic) => topic is ReasonTopic.Contract or ReasonTopic.Plan or ReasonTopic.Tenure;
}
