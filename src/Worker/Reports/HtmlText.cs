using System.Globalization;
using System.Net;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports;

/// <summary>
/// Formats and HTML-encodes values for the report pages. Every method returns encoded text, so the writers never
/// put a raw value into markup: account names, reasons and evidence come from customer data and may hold anything.
/// </summary>
internal static class HtmlText
{
    /// <summary>Encodes text for element content and quoted attribute values.</summary>
    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    /// <summary>An amount with thousands separators and no decimals, for example 125,000.</summary>
    public static string Money(decimal value) => Encode(Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture));

    /// <summary>A count with thousands separators, for example 1,595.</summary>
    public static string Count(int value) => Encode(value.ToString("#,##0", CultureInfo.InvariantCulture));

    /// <summary>A short amount for tiles, for example 1.25M.</summary>
    public static string MoneyShort(decimal value) => Encode(AxisLabels.Compact((double)value));

    /// <summary>A probability as a percentage, for example 37%.</summary>
    public static string Percent(double fraction, int decimals = 0) => Encode(AxisLabels.Percent(fraction, decimals));

    /// <summary>A number with fixed decimals.</summary>
    public static string Number(double value, int decimals) => Encode(AxisLabels.Fixed(value, decimals));

    /// <summary>An ISO date.</summary>
    public static string Date(DateOnly value) => Encode(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A UTC instant to the minute.</summary>
    public static string Instant(DateTime value) => Encode(value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");

    /// <summary>A change of probability in percentage points with a sign, for example +12 pts.</summary>
    public static string Points(double change)
    {
        var points = Math.Round(change * 100, 0, MidpointRounding.AwayFromZero);
        if (points == 0)
            return "0 pts";
        // A real minus sign, so the sign is as visible as the plus.
        return Encode((points > 0 ? "+" : "\u2212") + Math.Abs(points).ToString("0", CultureInfo.InvariantCulture) + " pts");
    }

    /// <summary>A duration in the largest sensible unit, for example "3 days" or "5 hours".</summary>
    public static string Duration(TimeSpan value)
    {
        var text = value.TotalDays >= 2 ? Unit(value.TotalDays, "days")
            : value.TotalHours >= 2 ? Unit(value.TotalHours, "hours")
            : Unit(Math.Max(0, value.TotalMinutes), "minutes");
        return Encode(text);
    }

    private static string Unit(double amount, string unit) => Math.Floor(amount).ToString("0", CultureInfo.InvariantCulture) + " " + unit;

    /// <summary>A chart as SVG fit for inlining: HTML5 puts &lt;svg&gt; in the SVG namespace itself, and dropping the namespace URLs keeps the page free of any address.</summary>
    public static string InlineSvg(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.ToSvg()
            .Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal)
            .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", string.Empty, StringComparison.Ordinal);
    }
}
