using System.Globalization;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// Element ids for patterns and clip paths. They derive from the chart's title (FNV-1a hash) rather than a counter or
/// a random value, so the same input gives byte-identical output, while charts on one page rarely share an id.
/// </summary>
internal static class ChartIds
{
    /// <summary>An id prefix such as <c>cw-1a2b3c4d</c>.</summary>
    public static string Prefix(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var hash = 2166136261u;
        foreach (var c in seed)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return "cw-" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
