using System.Xml.Linq;
using ChurnWatch.Worker.Reports.Charts;
using ChurnWatch.Worker.Tests.Reports;

namespace ChurnWatch.Worker.Tests.Reports.Charts;

public sealed class ChartRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> AllCharts() => new()
    {
        Histogram(),
        GroupedBars(),
        StackedBars(),
        Sparkline.Render([24, 22, 23, 20, 18, 15, 12, 11, 9, 8, 7, 7], "WAU of <Acme & \"Co\">"),
        Sparkline.Render([], "empty"),
        Sparkline.Render([5], "one point"),
        Line(),
        Calibration(),
        CalibrationPlot.Render("empty", []),
        Gains(),
        LiftChart.Render("empty", []),
        BarChart.Render(ChurnWatch.Worker.Reports.RenewalMonths.Chart(ReportFixtures.Report().Accounts, ReportFixtures.AsOf, "USD")),
    };

    private static string Calibration() => CalibrationPlot.Render(
        "Predicted vs observed",
        [new CalibrationPoint(0.04, 0.035, 2100), new CalibrationPoint(0.14, 0.16, 520), new CalibrationPoint(0.28, 0.25, 300), new CalibrationPoint(0.55, 0.6, 200), new CalibrationPoint(0.95, 0, 0)]);

    private static IReadOnlyList<ChartPoint> GainsPoints() => GainsCurve.FromGroups([(0.5, 10, 5), (0.2, 30, 3), (0.05, 60, 2)]);

    private static string Gains() => LiftChart.Render("Gains", GainsPoints());

    private static string Histogram() =>
        HistogramChart.Render("Accounts by churn <probability>", HistogramChart.Bin([0.05, 0.12, 0.18, 0.5, 0.97, 1.0], 0, 1, 10), "Churn probability", "Accounts", ValueFormat.Percent);

    private static string GroupedBars() => BarChart.Render(new BarChartData(
        "ARR by segment & plan",
        ["SMB", "MidMarket", "Enterprise"],
        [new ChartSeries("2025", [120_000, 480_000, 1_900_000]), new ChartSeries("2026", [100_000, 520_000, -50_000])],
        Stacked: false,
        "Segment",
        "ARR",
        ValueFormat.Compact));

    private static string StackedBars() => BarChart.Render(new BarChartData(
        "Signals by week",
        ["W1", "W2", "W3", "W4"],
        [
            new ChartSeries("Declining", [3, 4, 2, 5]),
            new ChartSeries("Gone dark", [1, 0, 2, 1]),
            new ChartSeries("Never activated", [0, 1, 1, 0]),
            new ChartSeries("Seat saturation", [2, 2, 3, 3]),
        ],
        Stacked: true,
        "Week",
        "Signals"));

    private static string Line() => LineChart.Render(new LineChartData(
        "Expected renewed ARR",
        [new LineSeries("Expected", [new ChartPoint(1, 100), new ChartPoint(2, 140), new ChartPoint(3, 90)], Markers: true), new LineSeries("Due", [new ChartPoint(1, 120), new ChartPoint(2, 160), new ChartPoint(3, 110)], Dashed: true)],
        "Month",
        "ARR",
        new ChartBand("P10\u2013P90", [new BandPoint(1, 80, 115), new BandPoint(2, 120, 155), new BandPoint(3, 70, 105)]),
        YFormat: ValueFormat.Compact));

    [Theory]
    [MemberData(nameof(AllCharts))]
    public void Render_AnyChart_IsSvgXmlWithTitleFirst(string svg)
    {
        var document = XDocument.Parse(svg);

        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal(Svg + "title", document.Root.Elements().First().Name);
        Assert.False(string.IsNullOrWhiteSpace(document.Root.Elements().First().Value));
        Assert.NotNull(document.Root.Attribute("viewBox"));
    }

    [Theory]
    [MemberData(nameof(AllCharts))]
    public void Render_AnyChart_UsesInvariantNumbers(string svg)
    {
        var document = XDocument.Parse(svg);
        var numeric = new[] { "x", "y", "width", "height", "x1", "x2", "y1", "y2", "cx", "cy", "r" };

        var values = document.Descendants().SelectMany(e => e.Attributes()).Where(a => numeric.Contains(a.Name.LocalName)).Select(a => a.Value).ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Matches("^-?[0-9]+(\\.[0-9]{1,2})?$", v));
    }

    [Fact]
    public void Render_SameInputTwice_IsIdentical()
    {
        // The worker runs with invariant globalization, so no other culture can be set here; determinism is
        // about ids and number formatting, which this pins.
        Assert.Equal(Line() + GroupedBars() + StackedBars() + Histogram() + Calibration() + Gains(), Line() + GroupedBars() + StackedBars() + Histogram() + Calibration() + Gains());
    }

    [Fact]
    public void Render_HostileTitle_IsEscaped()
    {
        var svg = Sparkline.Render([1, 2], "</title><script>alert(1)</script>\u0001");

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Equal("</title><script>alert(1)</script>\uFFFD", XDocument.Parse(svg).Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Bin_Values_CountsPerRangeWithEdgesInLastBin()
    {
        var bins = HistogramChart.Bin([0.0, 0.05, 0.1, 0.15, 0.99, 1.0, 1.2, -0.1, double.NaN], 0, 1, 10);

        Assert.Equal([3, 2, 0, 0, 0, 0, 0, 0, 0, 3], bins.Select(b => b.Count));
        Assert.Equal(0.1, bins[0].Upper, 12);
    }

    [Fact]
    public void Render_Histogram_DrawsOneBarPerBinWithNiceAxis()
    {
        var document = XDocument.Parse(Histogram());
        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Equal(10, document.Descendants(Svg + "rect").Count());
        Assert.Contains("0%", texts);
        Assert.Contains("100%", texts);
        Assert.Contains("Churn probability", texts);
    }

    [Fact]
    public void Render_StackedBars_HasLegendAndHatchPattern()
    {
        var svg = StackedBars();
        var document = XDocument.Parse(svg);
        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Single(document.Descendants(Svg + "pattern"));
        Assert.Contains("Declining", texts);
        Assert.Contains("Seat saturation", texts);
        // Stacked totals peak at 5 + 1 + 0 + 3 = 9 in W4: the axis ends at the next round tick, 10.
        Assert.Equal("10", texts[texts.IndexOf("Signals") - 1]);
    }

    [Fact]
    public void Render_StackedNegativeValue_Throws()
    {
        var data = new BarChartData("t", ["a"], [new ChartSeries("s", [-1])], Stacked: true, "x", "y");

        Assert.Throws<ArgumentException>(() => BarChart.Render(data));
    }

    [Fact]
    public void Render_LineWithBand_DrawsBandBehindLines()
    {
        var document = XDocument.Parse(Line());
        var paths = document.Descendants(Svg + "path").ToList();

        Assert.Equal(3, paths.Count);
        Assert.EndsWith("Z", paths[0].Attribute("d")!.Value, StringComparison.Ordinal);
        // The dashed reference is drawn before the solid data line, so the data stays on top.
        Assert.Equal("5 3", paths[1].Attribute("stroke-dasharray")!.Value);
    }

    [Fact]
    public void Render_LongCategoryLabels_WrapAtASpaceInsteadOfBeingCut()
    {
        var data = new BarChartData(
            "Open signals by kind",
            ["Never activated", "Gone dark", "Declining usage", "Seat saturation", "Strong growth"],
            [new ChartSeries("Open signals", [1, 0, 4, 2, 0])],
            Stacked: false,
            "Signal",
            "Open signals");

        var texts = XDocument.Parse(BarChart.Render(data)).Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("Never", texts);
        Assert.Contains("activated", texts);
        Assert.Contains("Gone dark", texts);
        Assert.DoesNotContain(texts, t => t.EndsWith('\u2026'));
    }

    [Fact]
    public void Render_LongSeriesNames_LegendStaysInsideTheChart()
    {
        var series = Enumerable.Range(1, 4).Select(i => new ChartSeries($"A very long series name number {i} that goes on", [i])).ToList();

        var svg = BarChart.Render(new BarChartData("t", ["c"], series, Stacked: true, "x", "y"), new ChartSize(400, 240));

        var legendTexts = XDocument.Parse(svg).Descendants(Svg + "text").Where(t => t.Value.StartsWith("A very", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, legendTexts.Count);
        Assert.All(legendTexts, t => Assert.True(double.Parse(t.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture) + (t.Value.Length * ChartAxes.CharWidth) <= 400));
    }
}
