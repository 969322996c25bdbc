namespace ChurnWatch.Analytics.Predictors;

/// <summary>The names of the fixed predictors (see <see cref="PredictorCatalog"/> for their meaning).</summary>
public static class PredictorNames
{
    // Each name's meaning is documented once, in PredictorCatalog; repeating it here would drift.
    public const string TenureDays = "tenure_days";
    public const string Mrr = "mrr";
    public const string MrrChange90d = "mrr_change_90d";
    public const string PlanTier = "plan_tier";
    public const string AnnualContract = "annual_contract";
    public const string Seats = "seats";
    public const string DaysToRenewal = "days_to_renewal";
    public const string Wau4w = "wau_4w";
    public const string WauPrev8w = "wau_prev_8w";
    public const string WauChange = "wau_change";
    public const string SeatUtilisation = "seat_utilisation";
    public const string Events28d = "events_28d";
    public const string EventsPerUser28d = "events_per_user_28d";
    public const string EventsChange = "events_change";
    public const string FeatureBreadth28d = "feature_breadth_28d";
    public const string DaysSinceLastActivity = "days_since_last_activity";
    public const string DaysToFirstKeyFeature = "days_to_first_key_feature";
    public const string KeyFeaturesAdopted = "key_features_adopted";
    public const string TicketsOpened90d = "tickets_opened_90d";
    public const string TicketsOpen = "tickets_open";
    public const string UrgentOpen = "urgent_open";
    public const string UrgentOpenOver14d = "urgent_open_over_14d";
    public const string SlaBreached90d = "sla_breached_90d";
    public const string MedianDaysToResolve180d = "median_days_to_resolve_180d";
    public const string MaxTier90d = "max_tier_90d";
    public const string CsatAvg180d = "csat_avg_180d";
    public const string InvoicesPastDue = "invoices_past_due";
    public const string MaxDaysOverdue = "max_days_overdue";
    public const string FailedPayments90d = "failed_payments_90d";

    /// <summary>Prefix of the per-feature usage columns: <c>usage_&lt;feature&gt;_28d</c>.</summary>
    public const string UsagePrefix = "usage_";

    /// <summary>Suffix of the per-feature usage columns.</summary>
    public const string UsageSuffix = "_28d";
}
