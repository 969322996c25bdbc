using System.Globalization;

namespace ChurnWatch.Worker.Reports.Finance;

/// <summary>How the finance pages write months and ratios, as plain text (the components encode it).</summary>
internal static class FinanceDisplay
{
    /// <summary>A month as 2026-03, for table cells.</summary>
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>An amount, or a dash when there is none (a baseline not computed).</summary>
    public static string Money(decimal? value) => value is { } v ? Display.Money(v) : "\u2013";

    /// <summary>A ratio as a percentage with one decimal, or a dash when undefined (no customers, nothing renewed).</summary>
    public static string Percent(double? value) => value is { } v ? Display.Percent(v, 1) : "\u2013";
}
