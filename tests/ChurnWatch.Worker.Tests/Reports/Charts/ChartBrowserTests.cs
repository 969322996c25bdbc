using System.Globalization;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Reports.Charts;

/// <summary>
/// Every chart as a standalone .svg file, loaded by Chromium as an image: a browser refuses to draw an SVG file that
/// is not valid XML in the SVG namespace, which the inline copies in the reports would not reveal.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ChartBrowserTests(ChromiumFixture chromium) : IDisposable
{
    private readonly TempFolder _folder = new();

    [BrowserFact]
    public async Task Open_EveryChartAsAnSvgFile_DecodesAndDraws()
    {
        var browser = await chromium.BrowserAsync();
        var charts = ChartRenderingTests.AllCharts().Cast<object[]>().Select(row => (string)row[0]).ToList();
        var images = new List<string>();
        for (var i = 0; i < charts.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"chart-{i}.svg");
            await File.WriteAllTextAsync(_folder.File(name), charts[i]);
            images.Add($"<img src=\"{name}\" alt=\"chart {i}\">");
        }

        var page = _folder.File("charts.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>charts</title></head><body>" + string.Concat(images) + "</body></html>");

        var check = await browser.OpenAsync(page);

        Assert.Empty(check.ConsoleErrors);
        Assert.Equal(charts.Count, check.Images);
        Assert.Equal(charts.Count, check.ImagesDrawn);
    }

    [BrowserFact]
    public async Task Open_SvgFileThatIsNotXml_IsNotDrawn()
    {
        // Proves the check above can fail: a broken chart file must count as not drawn.
        var browser = await chromium.BrowserAsync();
        await File.WriteAllTextAsync(_folder.File("broken.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>a & b</title></svg>");
        var page = _folder.File("broken.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><title>t</title><img src=\"broken.svg\" alt=\"broken\">");

        var check = await browser.OpenAsync(page);

        Assert.Equal(1, check.Images);
        Assert.Equal(0, check.ImagesDrawn);
    }

    public void Dispose() => _folder.Dispose();
}
