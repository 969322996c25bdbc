using System.Text;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>Text that goes into a chart: account and manager names can hold anything.</summary>
internal static class ChartText
{
    /// <summary>
    /// <paramref name="text"/> with the characters XML 1.0 cannot hold (control characters, lone surrogates) replaced
    /// by U+FFFD. Markup characters stay: the SVG writer escapes them, so a name like "&lt;b&gt;" is shown as text.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = XmlAllowed(c);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
                valid = false;
            if (valid)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length);
            builder.Append('\uFFFD');
        }

        return builder?.ToString() ?? text;
    }

    private static bool XmlAllowed(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
}
