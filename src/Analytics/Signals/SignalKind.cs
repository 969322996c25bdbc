namespace ChurnWatch.Analytics.Signals;

/// <summary>What a signal says about an account. The names are stored and printed; never rename one.</summary>
public enum SignalKind
{
    /// <summary>Inactive: no use of key features N days after the subscription started.</summary>
    NeverActivated,
    /// <summary>Inactive: no activity for N days after having been active.</summary>
    GoneDark,
    /// <summary>Inactive: weekly active users down at least X% (last 4 weeks vs the 8 before).</summary>
    Declining,
    /// <summary>Upsell: active users / licensed seats at or above a threshold for consecutive weeks.</summary>
    SeatSaturation,
    /// <summary>Upsell: weekly active users up at least X% over 8 weeks.</summary>
    StrongGrowth,
    /// <summary>Upsell: usage like the accounts on the next plan up, and a low churn risk.</summary>
    PlanFit,
    /// <summary>Support risk: urgent tickets open too long, SLA breaches, L3 escalations or low CSAT.</summary>
    SupportRisk,
    /// <summary>Billing risk: an invoice long past due, failed payment attempts or a fall in MRR (contraction).</summary>
    BillingRisk,
    /// <summary>Renewal at risk: a renewal coming up soon with a low renewal probability.</summary>
    RenewalAtRisk,
    /// <summary>Risk jump: churn probability up at least X points since the previous scoring.</summary>
    RiskJump,
}
