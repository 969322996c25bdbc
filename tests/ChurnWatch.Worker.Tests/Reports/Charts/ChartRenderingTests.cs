using System.Globalization;
using System.Xml.Linq;
using ChurnWatch.Worker.Reports.Charts;
using ChurnWatch.Worker.Tests.Reports;

namespace ChurnWatch.Worker.Tests.Reports.Charts;

/// <summary>Every chart as ScottPlot draws it, read back as SVG (and PNG) the way a browser or mail client gets it.</summary>
public sealed class ChartRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> AllCharts() => new()
    {
        Histogram().ToSvg(),
        GroupedBars().ToSvg(),
        StackedBars().ToSvg(),
        Sparkline.Draw([24, 22, 23, 20, 18, 15, 12, 11, 9, 8, 7, 7], "WAU of <Acme & \"Co\">").ToSvg(),
        Sparkline.Draw([], "empty").ToSvg(),
        Sparkline.Draw([5], "one point").ToSvg(),
        Line().ToSvg(),
        Calibration().ToSvg(),
        CalibrationPlot.Draw("empty", []).ToSvg(),
        Gains().ToSvg(),
        LiftChart.Draw("empty", []).ToSvg(),
        BarChart.Draw(ChurnWatch.Worker.Reports.RenewalMonths.Chart(ReportFixtures.Report().Accounts, ReportFixtures.AsOf, "USD")).ToSvg(),
    };

    private static Chart Calibration() => CalibrationPlot.Draw(
        "Predicted vs observed",
        [new CalibrationPoint(0.04, 0.035, 2100), new CalibrationPoint(0.14, 0.16, 520), new CalibrationPoint(0.28, 0.25, 300), new CalibrationPoint(0.55, 0.6, 200), new CalibrationPoint(0.95, 0, 0)]);

    private static IReadOnlyList<ChartPoint> GainsPoints() => GainsCurve.FromGroups([(0.5, 10, 5), (0.2, 30, 3), (0.05, 60, 2)]);

    private static Chart Gains() => LiftChart.Draw("Gains", GainsPoints());

    private static IReadOnlyList<HistogramBin> Bins() => HistogramChart.Bin([0.05, 0.12, 0.18, 0.5, 0.97, 1.0], 0, 1, 10);

    private static Chart Histogram() =>
        HistogramChart.Draw("Accounts by churn <probability>", Bins(), "Churn probability", "Accounts", ValueFormat.Percent);

    private static Chart GroupedBars() => BarChart.Draw(new BarChartData(
        "ARR by segment & plan",
        ["SMB", "MidMarket", "Enterprise"],
        [new ChartSeries("2025", [120_000, 480_000, 1_900_000]), new ChartSeries("2026", [100_000, 520_000, -50_000])],
        Stacked: false,
        "Segment",
        "ARR",
        ValueFormat.Compact));

    private static Chart StackedBars() => BarChart.Draw(new BarChartData(
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

    private static Chart Line() => LineChart.Draw(new LineChartData(
        "Expected renewed ARR",
        [new LineSeries("Expected", [new ChartPoint(1, 100), new ChartPoint(2, 140), new ChartPoint(3, 90)], Markers: true), new LineSeries("Due", [new ChartPoint(1, 120), new ChartPoint(2, 160), new ChartPoint(3, 110)], Dashed: true)],
        "Month",
        "ARR",
        new ChartBand("P10\u2013P90", [new BandPoint(1, 80, 115), new BandPoint(2, 120, 155), new BandPoint(3, 70, 105)]),
        YFormat: ValueFormat.Compact));

    private static List<string> Texts(string svg) => XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

    [Theory]
    [MemberData(nameof(AllCharts))]
    public void Draw_AnyChart_IsSvgXmlWithTitleAndDescriptionFirst(string svg)
    {
        var document = XDocument.Parse(svg);

        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal(Svg + "title", document.Root.Elements().First().Name);
        Assert.False(string.IsNullOrWhiteSpace(document.Root.Elements().First().Value));
        Assert.Equal(Svg + "desc", document.Root.Elements().ElementAt(1).Name);
        Assert.False(string.IsNullOrWhiteSpace(document.Root.Elements().ElementAt(1).Value));
        Assert.Equal("img", (string?)document.Root.Attribute("role"));
        Assert.NotNull(document.Root.Attribute("viewBox"));
    }

    [Theory]
    [MemberData(nameof(AllCharts))]
    public void Draw_AnyChart_UsesInvariantNumbersAndFetchesNothing(string svg)
    {
        var document = XDocument.Parse(svg);
        var numeric = new[] { "x", "y", "width", "height", "cx", "cy", "rx", "ry" };

        var values = document.Descendants().SelectMany(e => e.Attributes()).Where(a => numeric.Contains(a.Name.LocalName))
            .SelectMany(a => a.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

        Assert.NotEmpty(values);
        // Invariant culture and at most two decimals (Chart.ToSvg rounds to a hundredth of a pixel).
        Assert.All(values, v => Assert.Matches("^-?[0-9]+(\\.[0-9]{1,2})?$", v));
        // No image, font or stylesheet is referenced: the chart draws from the page alone.
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "image" or "style" or "font-face");
        Assert.DoesNotContain(document.Descendants().SelectMany(e => e.Attributes()), a => a.Value.Contains("http", StringComparison.Ordinal) && !a.IsNamespaceDeclaration);
    }

    [Fact]
    public void Draw_SameInputTwice_IsIdenticalSvgAndPng()
    {
        var first = Line().ToSvg() + GroupedBars().ToSvg() + StackedBars().ToSvg() + Histogram().ToSvg() + Calibration().ToSvg() + Gains().ToSvg();
        var firstPng = Histogram().ToPng();

        // ScottPlot numbers its clip paths per process; other charts drawn in between must not change the bytes.
        var second = Line().ToSvg() + GroupedBars().ToSvg() + StackedBars().ToSvg() + Histogram().ToSvg() + Calibration().ToSvg() + Gains().ToSvg();

        Assert.Equal(first, second);
        Assert.Equal(firstPng, Histogram().ToPng());
    }

    [Fact]
    public void DashedLine_Diagonal_IsEvenPiecesWithGaps()
    {
        var plot = new ScottPlot.Plot();
        var scale = NiceScale.Create(0, 1);

        DashedLine.Add(plot, [new ChartPoint(0, 0), new ChartPoint(0.5, 0.5), new ChartPoint(1, 1)], scale, scale, new ChartSize(180, 210), ChartPalette.Muted, 1);

        // 100 x 100 pixels: a diagonal of 141.4 px holds 17 dashes of 5 px with their 3 px gaps (136 px), then an 18th
        // dash in the 5.4 px left; the corner in the middle does not start a new dash.
        var line = Assert.IsType<ScottPlot.Plottables.Scatter>(Assert.Single(plot.GetPlottables()));
        var xs = line.Data.GetScatterPoints().Select(p => p.X).ToList();
        var pieces = string.Join(",", xs.Select(x => double.IsNaN(x) ? "|" : "x")).Split('|', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(18, pieces.Length);
        var firstDash = xs[1] - xs[0];
        Assert.Equal(5 / Math.Sqrt(2) / 100, firstDash, 9);
    }

    [Fact]
    public void Draw_TwoChartsOnOnePage_ShareNoIds()
    {
        var ids = new[] { Line(), GroupedBars(), Histogram() }
            .SelectMany(c => XDocument.Parse(c.ToSvg()).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>())
            .ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void ToPng_Chart_IsAPngAtTwiceTheSizeWithTheTextDrawn()
    {
        var png = Histogram().ToPng();
        var retitled = HistogramChart.Draw("Accounts by churn", Bins(), "Churn probability", "Accounts", ValueFormat.Percent).ToPng();

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        Assert.Equal(2 * (int)ChartSize.Default.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(2 * (int)ChartSize.Default.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        // Another title gives other pixels: the text is drawn, with the embedded font, on a machine with no fonts too.
        Assert.NotEqual(png, retitled);
    }

    [Fact]
    public void Draw_HostileTitle_IsEscaped()
    {
        var svg = Sparkline.Draw([1, 2], "</title><script>alert(1)</script>\u0001").ToSvg();

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Equal("</title><script>alert(1)</script>\uFFFD", XDocument.Parse(svg).Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Draw_HostileCategoryAndSeriesNames_AreText()
    {
        var svg = BarChart.Draw(new BarChartData(
            "By manager",
            ["<b>Ann</b>", "Bo & Co\u0007"],
            [new ChartSeries("<i>ARR</i>", [1, 2]), new ChartSeries("At risk", [1, 1])],
            Stacked: false,
            "Manager",
            "ARR")).ToSvg();

        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", svg, StringComparison.Ordinal);
        var texts = Texts(svg);
        Assert.Contains("<b>Ann</b>", texts);
        Assert.Contains("Bo & Co\uFFFD", texts);
        Assert.Contains("<i>ARR</i>", texts);
    }

    [Fact]
    public void Bin_Values_CountsPerRangeWithEdgesInLastBin()
    {
        var bins = HistogramChart.Bin([0.0, 0.05, 0.1, 0.15, 0.99, 1.0, 1.2, -0.1, double.NaN], 0, 1, 10);

        Assert.Equal([3, 2, 0, 0, 0, 0, 0, 0, 0, 3], bins.Select(b => b.Count));
        Assert.Equal(0.1, bins[0].Upper, 12);
    }

    [Fact]
    public void Draw_Histogram_DrawsOneBarPerFilledBinWithNiceAxis()
    {
        var document = XDocument.Parse(Histogram().ToSvg());
        var texts = document.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        var barColour = ChartPalette.Series(0);

        var bars = document.Descendants(Svg + "rect").Count(r => string.Equals((string?)r.Attribute("fill"), barColour, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(Bins().Count(b => b.Count > 0), bars);
        Assert.Contains("0%", texts);
        Assert.Contains("100%", texts);
        Assert.Contains("Churn probability", texts);
        // Each filled bar carries its count; the tallest is 2, so the axis ends at 3 (whole accounts, headroom for the label).
        Assert.Equal(Bins().Where(b => b.Count > 0).Select(b => b.Count.ToString(CultureInfo.InvariantCulture)).Order(), texts.Take(Bins().Count(b => b.Count > 0)).Order());
        Assert.Contains("3", texts);
        Assert.DoesNotContain("4", texts);
    }

    [Fact]
    public void Draw_StackedBars_HasLegendAndRoundAxis()
    {
        var texts = Texts(StackedBars().ToSvg());

        Assert.Contains("Declining", texts);
        Assert.Contains("Seat saturation", texts);
        // Stacked totals peak at 5 + 1 + 0 + 3 = 9 in W4: the axis ends at the next round tick, 10.
        Assert.Contains("10", texts);
        Assert.DoesNotContain("12", texts);
    }

    [Fact]
    public void Draw_SingleSeries_HasNoLegend()
    {
        var data = new BarChartData("Open signals by kind", ["a", "b"], [new ChartSeries("Only series", [1, 2])], Stacked: false, "Signal", "Open signals");

        Assert.DoesNotContain("Only series", Texts(BarChart.Draw(data).ToSvg()));
    }

    [Fact]
    public void Draw_StackedNegativeValue_Throws()
    {
        var data = new BarChartData("t", ["a"], [new ChartSeries("s", [-1])], Stacked: true, "x", "y");

        Assert.Throws<ArgumentException>(() => BarChart.Draw(data));
    }

    [Fact]
    public void Draw_LineWithBand_DrawsBandThenReferenceThenData()
    {
        var document = XDocument.Parse(Line().ToSvg());
        var elements = document.Descendants(Svg + "path").ToList();

        var band = elements.FindIndex(p => string.Equals((string?)p.Attribute("fill"), "#C9D6E8", StringComparison.OrdinalIgnoreCase));
        var dashed = elements.FindIndex(IsDashed);
        var data = elements.FindIndex(p => string.Equals((string?)p.Attribute("stroke"), ChartPalette.Series(0), StringComparison.OrdinalIgnoreCase));

        Assert.True(band >= 0 && dashed > band && data > dashed, $"band {band}, dashed {dashed}, data {data}");
    }

    [Fact]
    public void Draw_LongCategoryLabels_WrapAtASpaceInsteadOfBeingCut()
    {
        var data = new BarChartData(
            "Open signals by kind",
            ["Never activated", "Gone dark", "Declining usage", "Seat saturation", "Strong growth"],
            [new ChartSeries("Open signals", [1, 0, 4, 2, 0])],
            Stacked: false,
            "Signal",
            "Open signals");

        var texts = Texts(BarChart.Draw(data).ToSvg());

        Assert.Contains("Never", texts);
        Assert.Contains("activated", texts);
        Assert.Contains("Gone dark", texts);
        Assert.DoesNotContain(texts, t => t.EndsWith('\u2026'));
    }

    [Fact]
    public void Draw_LongSeriesNames_LegendStaysOnOneRowInsideTheChart()
    {
        var series = Enumerable.Range(1, 4).Select(i => new ChartSeries($"A very long series name number {i} that goes on", [i])).ToList();

        var svg = BarChart.Draw(new BarChartData("t", ["c"], series, Stacked: true, "x", "y"), new ChartSize(400, 240)).ToSvg();

        var legend = XDocument.Parse(svg).Descendants(Svg + "text").Where(t => t.Value.Trim().StartsWith("A ver", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, legend.Count);
        Assert.All(legend, t => Assert.EndsWith("\u2026", t.Value.Trim(), StringComparison.Ordinal));
        // One row: every entry at the same height, and the last one ends inside the chart.
        var origins = legend.Select(Origin).ToList();
        Assert.Single(origins.Select(o => o.Y).Distinct());
        var last = legend[^1];
        var glyphs = ((string)last.Attribute("x")!).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.True(origins[^1].X + glyphs[^1] + 10 <= 400, $"the legend ends at {origins[^1].X + glyphs[^1]:0}");
    }

    /// <summary>A dashed reference line (see DashedLine): one path in the reference grey, in many pieces.</summary>
    internal static bool IsDashed(XElement path) =>
        string.Equals((string?)path.Attribute("stroke"), ChartPalette.Muted, StringComparison.OrdinalIgnoreCase)
        && ((string?)path.Attribute("d"))?.Count(c => c == 'M') > 3;

    private static (double X, double Y) Origin(XElement text)
    {
        // ScottPlot writes transform="translate(x y)".
        var parts = ((string)text.Attribute("transform")!)["translate(".Length..^1].Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
