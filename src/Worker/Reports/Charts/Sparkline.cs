namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// A word-sized line chart for a table cell: the trend of one series with its last value marked. The y range starts
/// at zero so that a drop to half looks like half, which is what an account manager needs to see in usage.
/// </summary>
internal static class Sparkline
{
    /// <summary>Draws <paramref name="values"/> (oldest first) as a small line.</summary>
    /// <param name="values">The series, oldest first; non-negative values are expected.</param>
    /// <param name="title">Accessible title, for example "Weekly active users, last 12 weeks: 24 to 7".</param>
    /// <param name="width">Width in CSS pixels.</param>
    /// <param name="height">Height in CSS pixels.</param>
    public static string Render(IReadOnlyList<double> values, string title, double width = 120, double height = 28)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(title);
        var canvas = new SvgCanvas(width, height, title);
        const double pad = 3;
        if (values.Count == 0)
        {
            canvas.Line(pad, height / 2, width - pad, height / 2, ChartPalette.Grid, 1, "2 2");
            return canvas.Complete();
        }

        var max = Math.Max(values.Where(double.IsFinite).DefaultIfEmpty(0).Max(), 0);
        var top = max <= 0 ? 1 : max;
        var step = values.Count == 1 ? 0 : (width - (2 * pad)) / (values.Count - 1);
        var points = values
            .Select((v, i) => (X: values.Count == 1 ? width - pad : pad + (step * i), Y: height - pad - ((double.IsFinite(v) ? Math.Max(v, 0) : 0) / top * (height - (2 * pad)))))
            .ToList();

        // A light area under the line gives the trend weight without competing with the table text.
        var area = new List<(double X, double Y)>(points) { (points[^1].X, height - pad), (points[0].X, height - pad) };
        canvas.Path(area, "none", 0, "#dfe7f2", close: true);
        canvas.Line(pad, height - pad, width - pad, height - pad, ChartPalette.Grid);
        canvas.Path(points, ChartPalette.Series(0), 1.5);
        canvas.Circle(points[^1].X, points[^1].Y, 2.2, ChartPalette.Series(0));
        return canvas.Complete();
    }
}
