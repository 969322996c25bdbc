using System.Globalization;
using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// A cumulative gains chart with the lift it implies: how many of the churners the model finds if you call its
/// riskiest accounts first, against calling at random (the diagonal). The lift at the marked share is printed, because
/// "the top 10% hold 40% of churners, 4x random" is the sentence an account manager repeats.
/// </summary>
internal static class LiftChart
{
    private const string GainColour = "#dfe7f2";

    /// <summary>Draws a gains curve (see <see cref="GainsCurve"/>).</summary>
    /// <param name="title">Title, shown and announced to screen readers.</param>
    /// <param name="gains">Points from (0, 0) to (1, 1), in x order.</param>
    /// <param name="markShare">The share of rows whose lift is marked and printed, 10% by default.</param>
    /// <param name="size">Size; 460 x 340 when null.</param>
    public static Chart Draw(string title, IReadOnlyList<ChartPoint> gains, double markShare = 0.1, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(markShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(markShare, 1);
        var chartSize = size ?? new ChartSize(460, 340);
        var plot = ChartStyle.NewPlot(title, "Accounts contacted, riskiest first", "Churners found");
        plot.Legend.ManualItems.Add(ChartStyle.LegendItem(new LegendEntry("Model, riskiest first", ChartPalette.Series(0), Line: true)));
        plot.Legend.ManualItems.Add(ChartStyle.LegendItem(new LegendEntry("Random", ChartPalette.Muted, Line: true, Dashed: true)));
        ChartStyle.LegendOnTop(plot);
        var scale = NiceScale.Create(0, 1);
        ChartStyle.Ticks(plot.Axes.Left, scale, ValueFormat.Percent);
        ChartStyle.Ticks(plot.Axes.Bottom, scale, ValueFormat.Percent);
        plot.Axes.SetLimits(0, 1, 0, 1);
        DashedLine.Add(plot, [new ChartPoint(0, 0), new ChartPoint(1, 1)], scale, scale, chartSize, ChartPalette.Muted, 1.5f);
        var points = gains.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToList();
        if (points.Count < 2)
        {
            // The diagonal and the axes stay: they say what the chart would show.
            ChartStyle.NoDataText(plot);
            return new Chart(plot, chartSize, title, "No data to show.");
        }

        var xs = points.Select(p => p.X).ToArray();
        // The area between the curve and the diagonal is what the model adds over random; shading it makes that visible in grey too.
        var gain = plot.Add.FillY(xs, xs, points.Select(p => p.Y).ToArray());
        gain.FillColor = ChartStyle.Colour(GainColour);
        gain.LineWidth = 0;
        var curve = plot.Add.Scatter(xs, points.Select(p => p.Y).ToArray(), ChartStyle.Colour(ChartPalette.Series(0)));
        curve.LineWidth = 2.25f;
        curve.MarkerSize = 5.2f;
        curve.MarkerShape = MarkerShape.FilledCircle;

        var found = GainsCurve.At(points, markShare);
        var lift = found / markShare;
        DashedLine.Add(plot, [new ChartPoint(markShare, 0), new ChartPoint(markShare, found)], scale, scale, chartSize, ChartPalette.Ink, 1);
        var mark = plot.Add.Marker(markShare, found, MarkerShape.FilledCircle, 9);
        mark.Color = ChartStyle.Colour(ChartPalette.RiskHigh);
        var note = plot.Add.Text(MarkText(markShare, found, lift), markShare, found);
        note.LabelFontColor = ChartStyle.Colour(ChartPalette.Ink);
        note.LabelFontSize = 11;
        note.LabelBold = true;
        note.LabelAlignment = Alignment.UpperLeft;
        note.OffsetX = 8;
        note.OffsetY = 4;
        return new Chart(plot, chartSize, title,
            "Cumulative gains chart: share of churners found against share of accounts contacted, riskiest first, with random selection as the diagonal; " + MarkText(markShare, found, lift) + ".");
    }

    /// <summary>The sentence printed at the marked share, for example "top 10%: 40% of churners (4.0× random)".</summary>
    public static string MarkText(double share, double found, double lift) =>
        string.Create(CultureInfo.InvariantCulture, $"top {AxisLabels.Percent(share)}: {AxisLabels.Percent(found)} of churners ({AxisLabels.Fixed(lift, 1)}\u00d7 random)");
}
