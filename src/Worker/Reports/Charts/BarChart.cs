using System.Globalization;
using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>Bars per category: grouped side by side, or stacked to show a total and its parts.</summary>
internal static class BarChart
{
    /// <summary>Draws <paramref name="data"/>.</summary>
    public static Chart Draw(BarChartData data, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data);
        var chartSize = size ?? ChartSize.Default;
        var plot = ChartStyle.NewPlot(data.Title, data.XLabel, data.YLabel);

        var (min, max) = Range(data);
        // Headroom for the value labels of single-series charts.
        if (data.Series.Count == 1)
            max += (max - min) * 0.06;
        var y = NiceScale.Create(min, max);
        ChartStyle.Ticks(plot.Axes.Left, y, data.YFormat);

        var legendNames = LegendNames.Fit(data.Series.Select(s => s.Name).ToList(), chartSize.Width);
        const double barsWidth = 0.72;
        var stackBase = new double[data.Categories.Count];
        for (var s = 0; s < data.Series.Count; s++)
        {
            var colour = data.Colour(s);
            var bars = new List<Bar>();
            for (var c = 0; c < data.Categories.Count; c++)
            {
                var value = data.Series[s].Values[c];
                var width = data.Stacked ? barsWidth : barsWidth / data.Series.Count;
                var position = data.Stacked ? c : c - (barsWidth / 2) + (width * (s + 0.5));
                var bar = new Bar
                {
                    Position = position,
                    ValueBase = data.Stacked ? stackBase[c] : 0,
                    Value = data.Stacked ? stackBase[c] + value : value,
                    Size = width * 0.96,
                    FillColor = ChartStyle.Colour(colour),
                    LineWidth = ChartPalette.NeedsOutline(colour) ? 0.75f : 0,
                    LineColor = ChartStyle.Colour(ChartPalette.Axis),
                };
                // A single series gets its values printed, so nobody has to read them off the grid.
                if (data.Series.Count == 1)
                    bar.Label = ChartText.Clean(Value(value, data.YFormat));
                if (data.Stacked)
                    stackBase[c] += value;
                bars.Add(bar);
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.ValueLabelStyle.FontSize = 10;
            barPlot.ValueLabelStyle.ForeColor = ChartStyle.Colour(ChartPalette.Ink);
            if (data.Series.Count > 1)
                barPlot.LegendText = legendNames[s];
        }

        if (data.Series.Count > 1)
        {
            ChartStyle.LegendOnTop(plot);
        }

        // The zero line goes on top so that negative bars visibly hang from it.
        plot.Add.HorizontalLine(0, 1, ChartStyle.Colour(ChartPalette.Axis));

        // The plot takes the chart less the y axis (about 56 px) and the right margin (40 px).
        var categories = CategoryLabels.Fit(data.Categories, chartSize.Width - 96);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var c = 0; c < categories.Count; c++)
        {
            ticks.AddMajor(c, categories[c]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.5, Math.Max(0.5, data.Categories.Count - 0.5), y.Min, y.Max);
        return new Chart(plot, chartSize, data.Title, Describe(data));
    }

    private static void Validate(BarChartData data)
    {
        foreach (var series in data.Series)
        {
            if (series.Values.Count != data.Categories.Count)
                throw new ArgumentException($"Series '{series.Name}' has {series.Values.Count} values for {data.Categories.Count} categories.", nameof(data));
            if (series.Values.Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"Series '{series.Name}' has a value that is not a finite number.", nameof(data));
            if (data.Stacked && series.Values.Any(v => v < 0))
                throw new ArgumentException($"Stacked series '{series.Name}' has a negative value.", nameof(data));
        }
    }

    private static (double Min, double Max) Range(BarChartData data)
    {
        if (data.Series.Count == 0 || data.Categories.Count == 0)
            return (0, 1);
        if (data.Stacked)
        {
            var totals = Enumerable.Range(0, data.Categories.Count).Select(c => data.Series.Sum(s => s.Values[c]));
            return (0, totals.Max());
        }

        var values = data.Series.SelectMany(s => s.Values).ToList();
        // Bars are read by their length from zero, so zero is always on the axis.
        return (Math.Min(0, values.Min()), Math.Max(0, values.Max()));
    }

    private static string Value(double value, ValueFormat format) => format switch
    {
        ValueFormat.Percent => AxisLabels.Percent(value, 1),
        ValueFormat.Compact => AxisLabels.Compact(value),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    // The text alternative reads the data out, so a reader who cannot see the bars gets the same figures.
    private static string Describe(BarChartData data)
    {
        var kind = data.Stacked ? "Stacked" : "Grouped";
        if (data.Series.Count == 1)
            kind = "Bar";
        var values = data.Categories.Select((c, i) => c + ": " + string.Join(", ", data.Series.Select(s => (data.Series.Count > 1 ? s.Name + " " : string.Empty) + Value(s.Values[i], data.YFormat))));
        return string.Create(CultureInfo.InvariantCulture, $"{kind} chart of {data.YLabel} by {data.XLabel}. ") + string.Join("; ", values) + ".";
    }
}
