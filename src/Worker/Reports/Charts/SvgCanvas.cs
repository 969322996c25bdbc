using System.Globalization;
using System.Text;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// Builds one SVG document as text. Every number goes through <see cref="Num"/> (invariant culture, at most two
/// decimals) and every piece of text through <see cref="Escape"/>, so the output is valid XML, identical on every
/// machine, and safe to inline in an HTML page whatever the account names contain.
/// </summary>
internal sealed class SvgCanvas
{
    /// <summary>The SVG namespace; without it a standalone file does not render.</summary>
    public const string Namespace = "http://www.w3.org/2000/svg";

    /// <summary>System fonts only: the report must not fetch anything.</summary>
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    private readonly StringBuilder _svg = new();
    private bool _closed;

    /// <summary>Opens the document with its accessible title (and optional longer description).</summary>
    public SvgCanvas(double width, double height, string title, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        Width = width;
        Height = height;
        _svg.Append("<svg xmlns=\"").Append(Namespace).Append("\" width=\"").Append(Num(width))
            .Append("\" height=\"").Append(Num(height)).Append("\" viewBox=\"0 0 ").Append(Num(width)).Append(' ')
            .Append(Num(height)).Append("\" role=\"img\" font-family=\"").Append(Escape(FontFamily))
            .Append("\" font-size=\"11\">");
        // The title must be the first child for screen readers to announce it.
        _svg.Append("<title>").Append(Escape(title)).Append("</title>");
        if (!string.IsNullOrEmpty(description))
            _svg.Append("<desc>").Append(Escape(description)).Append("</desc>");
    }

    /// <summary>Width in user units.</summary>
    public double Width { get; }

    /// <summary>Height in user units.</summary>
    public double Height { get; }

    /// <summary>A number with at most two decimals, invariant culture, never "-0".</summary>
    public static string Num(double value)
    {
        var rounded = Math.Round(value, 2);
        if (rounded == 0 || !double.IsFinite(rounded))
            rounded = 0;
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                // Keep well-formed pairs (emoji in a company name); an unpaired half would make the XML invalid.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else
                {
                    builder.Append('\uFFFD');
                }

                continue;
            }

            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\t' or '\n' or '\r': builder.Append(' '); break;
                // Control characters would make the document unparseable.
                case < ' ' or '\uFFFE' or '\uFFFF': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends markup that the caller built from <see cref="Num"/> and <see cref="Escape"/> only.</summary>
    public SvgCanvas Raw(string markup)
    {
        _svg.Append(markup);
        return this;
    }

    /// <summary>A rectangle; <paramref name="extra"/> is pre-escaped attribute text such as a stroke.</summary>
    public SvgCanvas Rect(double x, double y, double width, double height, string fill, string? extra = null)
    {
        _svg.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"")
            .Append(Num(Math.Max(0, width))).Append("\" height=\"").Append(Num(Math.Max(0, height)))
            .Append("\" fill=\"").Append(Escape(fill)).Append('"');
        AppendExtra(extra);
        _svg.Append("/>");
        return this;
    }

    /// <summary>A straight line.</summary>
    public SvgCanvas Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null)
    {
        _svg.Append("<line x1=\"").Append(Num(x1)).Append("\" y1=\"").Append(Num(y1)).Append("\" x2=\"").Append(Num(x2))
            .Append("\" y2=\"").Append(Num(y2)).Append("\" stroke=\"").Append(Escape(stroke)).Append("\" stroke-width=\"")
            .Append(Num(strokeWidth)).Append('"');
        if (dash is not null)
            _svg.Append(" stroke-dasharray=\"").Append(Escape(dash)).Append('"');
        _svg.Append("/>");
        return this;
    }

    /// <summary>A polyline through <paramref name="points"/>, or a filled polygon when <paramref name="fill"/> is set.</summary>
    public SvgCanvas Path(IReadOnlyList<(double X, double Y)> points, string stroke, double strokeWidth, string fill = "none", string? dash = null, bool close = false, string? extra = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
            return this;
        _svg.Append("<path d=\"");
        for (var i = 0; i < points.Count; i++)
        {
            _svg.Append(i == 0 ? "M" : " L").Append(Num(points[i].X)).Append(' ').Append(Num(points[i].Y));
        }

        if (close)
            _svg.Append(" Z");
        _svg.Append("\" fill=\"").Append(Escape(fill)).Append("\" stroke=\"").Append(Escape(stroke))
            .Append("\" stroke-width=\"").Append(Num(strokeWidth)).Append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        if (dash is not null)
            _svg.Append(" stroke-dasharray=\"").Append(Escape(dash)).Append('"');
        AppendExtra(extra);
        _svg.Append("/>");
        return this;
    }

    /// <summary>A dot, for data points and the last value of a sparkline.</summary>
    public SvgCanvas Circle(double cx, double cy, double r, string fill, string? extra = null)
    {
        _svg.Append("<circle cx=\"").Append(Num(cx)).Append("\" cy=\"").Append(Num(cy)).Append("\" r=\"").Append(Num(r))
            .Append("\" fill=\"").Append(Escape(fill)).Append('"');
        AppendExtra(extra);
        _svg.Append("/>");
        return this;
    }

    /// <summary>Text at a point; <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgCanvas Text(double x, double y, string text, string anchor = "start", string fill = ChartPalette.Ink, double size = 11, string? weight = null, string? extra = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _svg.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" text-anchor=\"").Append(Escape(anchor))
            .Append("\" fill=\"").Append(Escape(fill)).Append("\" font-size=\"").Append(Num(size)).Append('"');
        if (weight is not null)
            _svg.Append(" font-weight=\"").Append(Escape(weight)).Append('"');
        AppendExtra(extra);
        _svg.Append('>').Append(Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>Opens a group, for example to give a tooltip with a nested <c>title</c>.</summary>
    public SvgCanvas OpenGroup(string? extra = null)
    {
        _svg.Append("<g");
        AppendExtra(extra);
        _svg.Append('>');
        return this;
    }

    /// <summary>A tooltip for the enclosing element or group.</summary>
    public SvgCanvas Tooltip(string text) => Raw("<title>" + Escape(text) + "</title>");

    /// <summary>Closes the last group.</summary>
    public SvgCanvas CloseGroup() => Raw("</g>");

    /// <summary>Closes the document and returns it.</summary>
    public string Complete()
    {
        if (!_closed)
        {
            _svg.Append("</svg>");
            _closed = true;
        }

        return _svg.ToString();
    }

    private void AppendExtra(string? extra)
    {
        if (!string.IsNullOrEmpty(extra))
            _svg.Append(' ').Append(extra);
    }
}
