using System.Globalization;

namespace ChurnWatch.Worker.Cli;

/// <summary>Numbers as the <c>evaluate</c> commands' tables print them: invariant culture, "-" where a figure is undefined (NaN).</summary>
internal static class EvaluationText
{
    /// <summary>A share as a percentage with one decimal ("3.8%").</summary>
    public static string Percent(double value) => double.IsNaN(value) ? "-" : I($"{100 * value:0.0}%");

    /// <summary>A number in <paramref name="format"/>.</summary>
    public static string Text(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An interpolated string in the invariant culture.</summary>
    public static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
