using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Analytics.Signals;

/// <summary>Thresholds of the signals and of their lifecycle (configuration section <c>Signals</c>).</summary>
public sealed class SignalOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Signals";

    /// <summary>Never activated: days after the subscription started with no use of a key feature. Default 30, range 7 to 365.</summary>
    [Range(7, 365)]
    public int NeverActivatedAfterDays { get; set; } = 30;

    /// <summary>Gone dark: days without any activity, after having been active. Default 14, range 3 to 365.</summary>
    [Range(3, 365)]
    public int GoneDarkAfterDays { get; set; } = 14;

    /// <summary>Declining: minimum fall of weekly active users, last 4 weeks vs the 8 before, in percent. Default 40, range 5 to 100.</summary>
    [Range(5, 100)]
    public double DecliningDropPercent { get; set; } = 40;

    /// <summary>Declining and strong growth ignore accounts with fewer weekly active users than this in the base period. Default 3, range 1 to 1000.</summary>
    [Range(1, 1000)]
    public double MinimumBaseUsers { get; set; } = 3;

    /// <summary>Seat saturation: weekly active users / licensed seats at or above this, in percent. Default 90, range 50 to 200.</summary>
    [Range(50, 200)]
    public double SeatSaturationPercent { get; set; } = 90;

    /// <summary>Seat saturation: consecutive weeks at or above the threshold. Default 3, range 1 to 12.</summary>
    [Range(1, 12)]
    public int SeatSaturationWeeks { get; set; } = 3;

    /// <summary>Strong growth: minimum rise of weekly active users over 8 weeks, in percent. Default 30, range 5 to 1000.</summary>
    [Range(5, 1000)]
    public double StrongGrowthPercent { get; set; } = 30;

    /// <summary>
    /// Strong growth: only accounts whose weekly active users (last 4 weeks) fill at least this share of their seats, in
    /// percent; growth far below the licence needs no more seats. Default 60, range 0 (off) to 200.
    /// </summary>
    [Range(0, 200)]
    public double StrongGrowthMinSeatUsePercent { get; set; } = 60;

    /// <summary>
    /// Plan fit: the account's weekly active users (last 4 weeks) at or above this share of the median of the accounts
    /// on the next plan up, in percent. Default 100, range 25 to 400.
    /// </summary>
    [Range(25, 400)]
    public double PlanFitUsagePercent { get; set; } = 100;

    /// <summary>Plan fit: only accounts whose churn probability is at most this (low risk). Default 0.10, range 0 to 1.</summary>
    [Range(0.0, 1.0)]
    public double PlanFitMaxChurnProbability { get; set; } = 0.10;

    /// <summary>Support risk: an urgent ticket still open after this many days. Default 7, range 1 to 90.</summary>
    [Range(1, 90)]
    public int UrgentTicketOpenDays { get; set; } = 7;

    /// <summary>Support risk: the window, before the date, in which SLA breaches, L3 escalations and low CSAT count. Default 30, range 7 to 365.</summary>
    [Range(7, 365)]
    public int SupportWindowDays { get; set; } = 30;

    /// <summary>Support risk: SLA breaches in the window that raise the signal. Default 2, range 1 to 100.</summary>
    /// <remarks>One breach alone is common on healthy accounts; on the sample company two in 30 days doubled the churn rate.</remarks>
    [Range(1, 100)]
    public int SlaBreaches { get; set; } = 2;

    /// <summary>Support risk: tickets escalated to L3 in the window that raise the signal. Default 2, range 1 to 100.</summary>
    [Range(1, 100)]
    public int L3Escalations { get; set; } = 2;

    /// <summary>Support risk: a CSAT rating at or below this in the window raises the signal. Default 2, range 1 to 4.</summary>
    [Range(1, 4)]
    public int LowCsat { get; set; } = 2;

    /// <summary>Billing risk: an invoice unpaid this many days after its due date. Default 30, range 1 to 365.</summary>
    [Range(1, 365)]
    public int PastDueDays { get; set; } = 30;

    /// <summary>Billing risk: the window, before the date, in which failed payment attempts and MRR falls count. Default 30, range 7 to 365.</summary>
    [Range(7, 365)]
    public int BillingWindowDays { get; set; } = 30;

    /// <summary>Billing risk: failed payment attempts in the window that raise the signal. Default 2, range 1 to 50.</summary>
    [Range(1, 50)]
    public int FailedPayments { get; set; } = 2;

    /// <summary>Billing risk: a fall of MRR over the window of at least this, in percent (contraction). Default 10, range 1 to 100.</summary>
    [Range(1, 100)]
    public double ContractionPercent { get; set; } = 10;

    /// <summary>Renewal at risk: a contract renewal within this many days. Default 90, range 7 to 366.</summary>
    [Range(7, 366)]
    public int RenewalWithinDays { get; set; } = 90;

    /// <summary>Renewal at risk: renewal probability below this. Default 0.85, range 0 to 1.</summary>
    [Range(0.0, 1.0)]
    public double RenewalProbabilityBelow { get; set; } = 0.85;

    /// <summary>Risk jump: churn probability up at least this many percentage points since the previous scoring. Default 10, range 1 to 100.</summary>
    [Range(1, 100)]
    public double RiskJumpPoints { get; set; } = 10;

    /// <summary>
    /// New signals that enter one account manager's report in a week; the rest wait, highest severity x ARR first,
    /// and the report says how many. Default 15, range 1 to 1000.
    /// </summary>
    [Range(1, 1000)]
    public int WeeklyCapPerOwner { get; set; } = 15;

    /// <summary><c>signals evaluate</c>: weekly dates replayed, ending a horizon before the data ends. Default 26, range 4 to 104.</summary>
    [Range(4, 104)]
    public int EvaluationWeeks { get; set; } = 26;

    /// <summary><c>signals evaluate</c>: days after a date in which a churn or an expansion counts. Default 90, range 14 to 365.</summary>
    [Range(14, 365)]
    public int EvaluationHorizonDays { get; set; } = 90;
}
