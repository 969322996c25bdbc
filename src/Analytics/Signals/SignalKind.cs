namespace ChurnWatch.Analytics.Signals;

/// <summary>What a signal says about an account.</summary>
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
}
