using System.Globalization;
using System.Xml.Linq;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Tests.Reports.Charts;

/// <summary>The calibration plot, the gains chart and the palette's grey-scale promise.</summary>
public sealed class ChartDesignTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<string> Texts(string svg) => XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();

    [Fact]
    public void DrawCalibration_Bins_OneDotPerRangeWithRowsOnEqualRoundAxes()
    {
        CalibrationPoint[] points = [new(0.04, 0.035, 2100), new(0.14, 0.16, 520), new(0.28, 0.25, 300), new(0.9, 0, 0)];

        var svg = CalibrationPlot.Draw("Calibration", points).ToSvg();

        var document = XDocument.Parse(svg);
        Assert.Equal(points.Count(p => p.Rows > 0), document.Descendants(Svg + "ellipse").Count());
        // The largest value is 28%: both axes end on the same round tick, 30%, in steps of 10 points (5-point steps
        // would need six intervals, one more than the scale allows).
        var texts = Texts(svg);
        Assert.All(["0%", "10%", "20%", "30%"], tick => Assert.Equal(2, texts.Count(t => t == tick)));
        Assert.DoesNotContain("40%", texts);
        Assert.Contains("Observed (dot size = rows)", texts);
        Assert.Contains("Perfect calibration", texts);
        // The dashed diagonal: dashes from the bottom left to the top right of the plot.
        var diagonal = document.Descendants(Svg + "path").First(ChartRenderingTests.IsDashed);
        var dashes = System.Text.RegularExpressions.Regex.Matches((string)diagonal.Attribute("d")!, "(-?[0-9.]+) (-?[0-9.]+)")
            .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.True(dashes[^1].X - dashes[0].X > 200 && dashes[0].Y - dashes[^1].Y > 150, $"from {dashes[0]} to {dashes[^1]}");
    }

    [Fact]
    public void DrawCalibration_DotArea_GrowsWithRows()
    {
        var svg = CalibrationPlot.Draw("Calibration", [new CalibrationPoint(0.1, 0.1, 400), new CalibrationPoint(0.2, 0.2, 100)]).ToSvg();

        var radii = XDocument.Parse(svg).Descendants(Svg + "ellipse").Select(c => Math.Round(double.Parse(c.Attribute("rx")!.Value, CultureInfo.InvariantCulture), 1)).ToList();
        // 3 + 6 x sqrt(rows / most): 9 for 400 rows, 6 for 100.
        Assert.Equal([9.0, 6.0], radii);
        Assert.Equal(6.0, CalibrationPlot.Radius(100, 400), 12);
    }

    [Fact]
    public void FromGroups_Groups_RanksByScoreAndAccumulatesShares()
    {
        var curve = GainsCurve.FromGroups([(0.05, 60, 2), (0.5, 10, 5), (0.2, 30, 3), (0.9, 0, 0)]);

        // 100 rows, 10 positives: the 10 highest-scored rows hold 5, the next 30 hold 3, the last 60 hold 2.
        Assert.Equal([new ChartPoint(0, 0), new ChartPoint(0.1, 0.5), new ChartPoint(0.4, 0.8), new ChartPoint(1, 1)], curve);
    }

    [Fact]
    public void At_BetweenPoints_Interpolates()
    {
        var curve = GainsCurve.FromGroups([(0.5, 10, 5), (0.2, 30, 3), (0.05, 60, 2)]);

        Assert.Equal(0.65, GainsCurve.At(curve, 0.25), 12);
        Assert.Equal(0.5, GainsCurve.At(curve, 0.1), 12);
        Assert.Equal(1, GainsCurve.At(curve, 1), 12);
    }

    [Fact]
    public void FromGroups_NoPositives_IsJustTheOrigin()
    {
        Assert.Equal([new ChartPoint(0, 0)], GainsCurve.FromGroups([(0.5, 10, 0)]));
    }

    [Fact]
    public void DrawLift_Curve_PrintsTheLiftAtTheMarkedShare()
    {
        var curve = GainsCurve.FromGroups([(0.5, 10, 5), (0.2, 30, 3), (0.05, 60, 2)]);

        var texts = Texts(LiftChart.Draw("Gains", curve, markShare: 0.25).ToSvg());

        // 65% of churners in the top 25%: 2.6 times random.
        Assert.Contains("top 25%: 65% of churners (2.6\u00d7 random)", texts);
        Assert.Contains("Random", texts);
        Assert.Contains("Model, riskiest first", texts);
        Assert.Equal(2, texts.Count(t => t == "100%"));
    }

    // CIE L* from sRGB (D65): what a grey-scale printer keeps of a colour.
    private static double Lightness(string hex)
    {
        double Linear(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var y = (0.2126 * Linear(0)) + (0.7152 * Linear(1)) + (0.0722 * Linear(2));
        return y > 0.008856 ? (116 * Math.Cbrt(y)) - 16 : 903.3 * y;
    }

    [Fact]
    public void Palette_SeriesAndRiskColours_DifferInLightnessSoTheySurviveGreyScale()
    {
        var series = Enumerable.Range(0, 4).Select(i => Lightness(ChartPalette.Series(i))).Order().ToList();
        var risk = new[] { ChartPalette.RiskHigh, ChartPalette.RiskMedium, ChartPalette.RiskLow }.Select(Lightness).ToList();

        Assert.All(series.Zip(series.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 15, $"series lightness {pair.First:0} and {pair.Second:0} are too close"));
        // High is darkest, low lightest, each step at least 15 L* apart.
        Assert.True(risk[1] - risk[0] >= 15 && risk[2] - risk[1] >= 15, string.Join(", ", risk.Select(l => l.ToString("0", CultureInfo.InvariantCulture))));
    }
}
