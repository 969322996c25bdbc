using System.Text;
using System.Xml;
using System.Xml.Linq;
using ScottPlot;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// A chart drawn by ScottPlot, ready to be written as SVG (inline in HTML pages) or PNG (email, where SVG does not
/// display). The SVG gets what ScottPlot does not write: the accessible title and description screen readers announce,
/// a viewBox so it scales with the page, and element ids unique to this chart so that several charts can share a page.
/// </summary>
public sealed partial class Chart
{
    private static readonly XNamespace SvgNamespace = "http://www.w3.org/2000/svg";

    private readonly Plot _plot;

    /// <summary>Wraps a finished plot.</summary>
    /// <param name="plot">The plot, with everything added and styled.</param>
    /// <param name="size">The size in CSS pixels.</param>
    /// <param name="title">The chart's title (also drawn on it).</param>
    /// <param name="description">The text alternative: what the chart shows, in a sentence or two.</param>
    public Chart(Plot plot, ChartSize size, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(plot);
        _plot = plot;
        Size = size;
        Title = ChartText.Clean(title);
        Description = ChartText.Clean(description);
    }

    /// <summary>The size in CSS pixels.</summary>
    public ChartSize Size { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The text alternative, for screen readers and mail clients that show no images.</summary>
    public string Description { get; }

    private int Width => (int)Math.Round(Size.Width);

    private int Height => (int)Math.Round(Size.Height);

    /// <summary>The chart as an SVG document (no XML declaration, so it can be inlined in HTML).</summary>
    public string ToSvg()
    {
        string raw;
        // A Plot holds render state; rendering one from two threads at once is not supported by ScottPlot.
        lock (_plot)
        {
            raw = _plot.GetSvgXml(Width, Height);
        }

        var document = XDocument.Parse(raw);
        var root = document.Root ?? throw new InvalidOperationException("ScottPlot wrote an empty SVG document.");
        root.SetAttributeValue("viewBox", $"0 0 {Width} {Height}");
        root.SetAttributeValue("role", "img");
        // The title must be the first child for screen readers to announce it.
        root.AddFirst(new XElement(SvgNamespace + "title", Title), new XElement(SvgNamespace + "desc", Description));
        // A named family first, then what the reader's machine has: the page must not fetch a font.
        foreach (var text in root.Descendants().Where(e => e.Attribute("font-family") is not null))
        {
            text.SetAttributeValue("font-family", ChartFonts.Family + ", Verdana, Arial, sans-serif");
        }

        PrefixIds(root, ChartIds.Prefix(Title + "\n" + Description));
        RoundNumbers(root);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, Encoding = new UTF8Encoding(false) };
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, settings))
        {
            root.WriteTo(writer);
        }

        return output.ToString();
    }

    /// <summary>
    /// The chart as SVG fit for inlining in an HTML page: HTML5 puts &lt;svg&gt; in the SVG namespace itself, and
    /// dropping the namespace URLs keeps the page free of any address.
    /// </summary>
    public string ToInlineSvg() => ToSvg()
        .Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal)
        .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", string.Empty, StringComparison.Ordinal);

    /// <summary>The chart as a PNG image, at <paramref name="scale"/> times its CSS size so it stays sharp on high-density screens.</summary>
    public byte[] ToPng(int scale = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        lock (_plot)
        {
            _plot.ScaleFactor = scale;
            try
            {
                return _plot.GetImageBytes(Width * scale, Height * scale, ImageFormat.Png);
            }
            finally
            {
                _plot.ScaleFactor = 1;
            }
        }
    }

    // Skia writes coordinates with five or six significant digits; a hundredth of a pixel is finer than any screen or
    // printer shows, and rounding there takes about a third off a page of 160 sparklines.
    private static void RoundNumbers(XElement root)
    {
        foreach (var attribute in root.DescendantsAndSelf().SelectMany(e => e.Attributes()))
        {
            if (attribute.IsNamespaceDeclaration || attribute.Name.LocalName is "id" or "clip-path")
                continue;
            attribute.Value = LongDecimal().Replace(attribute.Value, m =>
                Math.Round(double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero)
                    .ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"-?[0-9]+\.[0-9]{3,}")]
    private static partial System.Text.RegularExpressions.Regex LongDecimal();

    // ScottPlot numbers its clip paths per process; renamed in document order with the chart's prefix, the same
    // chart gives the same bytes in any process, and two charts on one page do not clip each other.
    private static void PrefixIds(XElement root, string prefix)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf())
        {
            if (element.Attribute("id") is { } id)
            {
                var name = prefix + "-" + renamed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                renamed[id.Value] = name;
                id.Value = name;
            }
        }

        if (renamed.Count == 0)
            return;
        foreach (var attribute in root.DescendantsAndSelf().SelectMany(e => e.Attributes()))
        {
            if (!attribute.Value.Contains('#', StringComparison.Ordinal))
                continue;
            var value = attribute.Value;
            foreach (var (from, to) in renamed)
            {
                value = value.Replace("url(#" + from + ")", "url(#" + to + ")", StringComparison.Ordinal);
                if (value == "#" + from)
                    value = "#" + to;
            }

            attribute.Value = value;
        }
    }
}
