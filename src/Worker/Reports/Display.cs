using System.Globalization;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports;

/// <summary>
/// How values read in pages, emails and text: invariant culture, whole currency units with thousands separators,
/// percentages rounded half away from zero. Plain text: the Razor components (Pages/) encode it when they write it.
/// </summary>
internal static class Display
{
    /// <summary>An amount in whole units with thousands separators, for example 1,234,568.</summary>
    public static string Money(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>
    /// What an account at risk without a behavioural reason shows instead: nothing it does (usage, tickets, payments)
    /// moves its risk enough to name without saying the opposite of its effect, so the report points at what it is.
    /// </summary>
    public const string NoBehaviouralReason = "No usage, support or billing reason to show; its context says what it is";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>An amount shortened with k and M, for example 52.48k.</summary>
    public static string MoneyShort(decimal value) => AxisLabels.Compact((double)value);

    /// <summary>A fraction as a percentage, for example 0.125 as 13%.</summary>
    public static string Percent(double fraction, int decimals = 0) => AxisLabels.Percent(fraction, decimals);

    /// <summary>A number with a fixed number of decimals.</summary>
    public static string Number(double value, int decimals) => AxisLabels.Fixed(value, decimals);

    /// <summary>An ISO date.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant to the minute, for example 2026-12-06 18:14 UTC.</summary>
    public static string Instant(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A change of probability in percentage points with a sign, for example +12 pts.</summary>
    public static string Points(double change)
    {
        var points = Math.Round(change * 100, 0, MidpointRounding.AwayFromZero);
        if (points == 0)
            return "0 pts";
        // A real minus sign, so the sign is as visible as the plus.
        return (points > 0 ? "+" : "\u2212") + Math.Abs(points).ToString("0", CultureInfo.InvariantCulture) + " pts";
    }

    /// <summary>A duration in the largest sensible unit, for example "3 days" or "5 hours".</summary>
    public static string Duration(TimeSpan value) =>
        value.TotalDays >= 2 ? Unit(value.TotalDays, "days")
        : value.TotalHours >= 2 ? Unit(value.TotalHours, "hours")
        : Unit(Math.Max(0, value.TotalMinutes), "minutes");

    private static string Unit(double amount, string unit) => Math.Floor(amount).ToString("0", CultureInfo.InvariantCulture) + " " + unit;
}
