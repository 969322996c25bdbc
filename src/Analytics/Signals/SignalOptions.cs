using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Analytics.Signals;

/// <summary>Thresholds of the inactive and upsell signals (configuration section <c>Signals</c>).</summary>
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
}
