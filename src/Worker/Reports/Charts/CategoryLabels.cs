namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// Category names under a bar chart: a long name wraps onto a second line at a space, only what still does not fit is
/// shortened, and labels are thinned out only when even short ones would collide.
/// </summary>
internal static class CategoryLabels
{
    /// <summary>The width of an average character of tick text (11 px DejaVu Sans), for fitting labels.</summary>
    public const double CharWidth = 6.4;

    /// <summary>The label of each category (empty where thinned out), lines separated by a line feed.</summary>
    /// <param name="categories">The category names.</param>
    /// <param name="plotWidth">The width of the plot area the categories share, in pixels.</param>
    public static IReadOnlyList<string> Fit(IReadOnlyList<string> categories, double plotWidth)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count == 0)
            return [];
        var band = plotWidth / categories.Count;
        var maxChars = Math.Clamp((int)Math.Floor((band - 8) / CharWidth), 6, 24);
        var lines = categories.Select(c => Wrap(ChartText.Clean(c), maxChars)).ToList();
        var widest = lines.Max(l => Math.Max(l.First.Length, l.Second?.Length ?? 0)) * CharWidth;
        var every = Math.Max(1, (int)Math.Ceiling((widest + 6) / band));
        return lines.Select((l, i) => i % every != 0 ? string.Empty : l.Second is null ? l.First : l.First + "\n" + l.Second).ToList();
    }

    /// <summary><paramref name="text"/> cut to <paramref name="maxChars"/> with an ellipsis when longer.</summary>
    public static string Shorten(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), "\u2026");
    }

    private static (string First, string? Second) Wrap(string text, int maxChars)
    {
        if (text.Length <= maxChars)
            return (text, null);
        var space = text.LastIndexOf(' ', Math.Min(maxChars, text.Length - 1));
        if (space <= 0)
            return (Shorten(text, maxChars), null);
        return (text[..space], Shorten(text[(space + 1)..], maxChars));
    }
}
