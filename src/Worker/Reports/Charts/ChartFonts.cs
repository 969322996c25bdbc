using ScottPlot;
using SkiaSharp;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// The one typeface every chart uses, DejaVu Sans (regular and bold), read from the program's own resources. ScottPlot
/// otherwise asks the operating system, which gives different fonts (or none: a bare server has no fonts) on
/// different machines, and so different images for the same data.
/// </summary>
internal static class ChartFonts
{
    /// <summary>The family name charts are drawn in.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes <see cref="Family"/> the font of every plot; safe to call from any thread, any number of times.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        var resolver = new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        // First in the list, so no system font is ever consulted for our family.
        Fonts.FontResolvers.Insert(0, resolver);
        Fonts.Default = Family;
        return true;
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream("Fonts/" + file)
            ?? throw new InvalidOperationException($"The chart font {file} is missing from the program's resources.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"The chart font {file} could not be read.");
    }

    /// <summary>Answers for <see cref="Family"/> only; any other name falls through to ScottPlot's own resolvers.</summary>
    private sealed class EmbeddedFontResolver(SKTypeface regularFace, SKTypeface boldFace) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? boldFace : regularFace) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? boldFace : regularFace) : null;
    }
}
