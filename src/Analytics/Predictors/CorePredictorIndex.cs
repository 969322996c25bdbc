namespace ChurnWatch.Analytics.Predictors;

/// <summary>Column positions of the fixed predictors; they follow <see cref="PredictorCatalog.Core"/> (a test checks it).</summary>
internal static class CorePredictorIndex
{
    public const int TenureDays = 0;
    public const int Mrr = 1;
    public const int MrrChange90d = 2;
    public const int PlanTier = 3;
    public const int AnnualContract = 4;
    public const int Seats = 5;
    public const int DaysToRenewal = 6;
    public const int Wau4w = 7;
    public const int WauPrev8w = 8;
    public const int WauChange = 9;
    public const int SeatUtilisation = 10;
    public const int Events28d = 11;
    public const int EventsPerUser28d = 12;
    public const int EventsChange = 13;
    public const int FeatureBreadth28d = 14;
    public const int DaysSinceLastActivity = 15;
    public const int DaysToFirstKeyFeature = 16;
    public const int KeyFeaturesAdopted = 17;
    public const int TicketsOpened90d = 18;
    public const int TicketsOpen = 19;
    public const int UrgentOpen = 20;
    public const int UrgentOpenOver14d = 21;
    public const int SlaBreached90d = 22;
    public const int MedianDaysToResolve180d = 23;
    public const int MaxTier90d = 24;
    public const int CsatAvg180d = 25;
    public const int InvoicesPastDue = 26;
    public const int MaxDaysOverdue = 27;
    public const int FailedPayments90d = 28;
    public const int Count = 29;
}
