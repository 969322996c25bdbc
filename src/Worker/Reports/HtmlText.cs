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
    public static string Money(decimal value) => Encode(Display.Money(value));

    /// <summary>A count with thousands separators.</summary>
    public static string Count(int value) => Encode(Display.Count(value));

    /// <summary>An amount shortened with k and M.</summary>
    public static string MoneyShort(decimal value) => Encode(Display.MoneyShort(value));

    /// <summary>A fraction as a percentage.</summary>
    public static string Percent(double fraction, int decimals = 0) => Encode(Display.Percent(fraction, decimals));

    /// <summary>A number with a fixed number of decimals.</summary>
    public static string Number(double value, int decimals) => Encode(Display.Number(value, decimals));

    /// <summary>An ISO date.</summary>
    public static string Date(DateOnly value) => Encode(Display.Date(value));

    /// <summary>A UTC instant to the minute.</summary>
    public static string Instant(DateTime value) => Encode(Display.Instant(value));

    /// <summary>A change of probability in percentage points with a sign, for example +12 pts.</summary>
    public static string Points(double change) => Encode(Display.Points(change));

    /// <summary>A duration in the largest sensible unit, for example "3 days" or "5 hours".</summary>
    public static string Duration(TimeSpan value) => Encode(Display.Duration(value));

    /// <summary>A chart as SVG fit for inlining: HTML5 puts &lt;svg&gt; in the SVG namespace itself, and dropping the namespace URLs keeps the page free of any address.</summary>
    public static string InlineSvg(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.ToSvg()
            .Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal)
            .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", string.Empty, StringComparison.Ordinal);
    }
}
