namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// Colours chosen for their lightness as much as their hue: reports get printed on office printers in grey, and about
/// one reader in twelve does not tell red from green. Series colours step CIE lightness by about 20 (25, 72, 45, 88),
/// so four stacked series stay apart on a grey-scale print
/// by lightness alone (ScottPlot's SVG output drops hatch patterns, so the charts no longer rely on them).
/// </summary>
internal static class ChartPalette
{
    /// <summary>Main text.</summary>
    public const string Ink = "#1f2933";

    /// <summary>Secondary text: axis labels and notes.</summary>
    public const string Muted = "#52606d";

    /// <summary>Axis lines.</summary>
    public const string Axis = "#9aa5b1";

    /// <summary>Grid lines, light enough to disappear behind the data.</summary>
    public const string Grid = "#e4e7eb";

    /// <summary>High risk (L* 35): dark, so it stays the darkest mark in grey.</summary>
    public const string RiskHigh = "#9b2226";

    /// <summary>Medium risk (L* 72).</summary>
    public const string RiskMedium = "#e9a23b";

    /// <summary>Low risk (L* 89).</summary>
    public const string RiskLow = "#cfe6d8";

    private static readonly string[] SeriesColours = ["#1f3a68", "#e9a23b", "#2f6db5", "#cfe0f0"];

    /// <summary>The colour of series <paramref name="index"/>; colours repeat after four, patterns tell them apart.</summary>
    public static string Series(int index) => SeriesColours[index % SeriesColours.Length];

    /// <summary>Whether <paramref name="colour"/> is light enough to melt into white paper without a thin outline.</summary>
    public static bool NeedsOutline(string colour) => colour is "#cfe0f0" or RiskLow;
}
