namespace ChurnWatch.Worker.Reports;

/// <summary>The conventions a report was made with; every report prints them, because tools differ on them.</summary>
/// <param name="HorizonDays">The churn horizon: the probability is of churning within this many days.</param>
/// <param name="GracePeriodDays">An account churns when its last active subscription ends and no new one starts within this many days.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="MediumThreshold">Churn probability from which an account is in the medium band.</param>
/// <param name="HighThreshold">Churn probability from which an account is in the high band.</param>
public sealed record ReportConventions(int HorizonDays, int GracePeriodDays, string Currency, double MediumThreshold, double HighThreshold);
