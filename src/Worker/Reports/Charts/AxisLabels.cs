using System.Globalization;

namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>Formats tick and value labels, always with the invariant culture so output does not depend on the machine.</summary>
internal static class AxisLabels
{
    /// <summary>Formats a tick of <paramref name="scale"/> with just the decimals the step needs.</summary>
    public static string Tick(double value, NiceScale scale, ValueFormat format)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return format switch
        {
            ValueFormat.Percent => Percent(value, Math.Max(0, scale.Decimals - 2)),
            ValueFormat.Compact => Compact(value),
            _ => Fixed(value, scale.Decimals),
        };
    }

    /// <summary>A value with a fixed number of decimals.</summary>
    public static string Fixed(double value, int decimals)
    {
        // Half away from zero, as people round: 62.5% prints as 63%, not 62%.
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // Avoid "-0", which reads like a bug.
        if (rounded == 0)
            rounded = 0;
        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a percentage, for example 0.125 with 1 decimal as 12.5%.</summary>
    public static string Percent(double fraction, int decimals = 0) => Fixed(fraction * 100, decimals) + "%";

    /// <summary>An amount shortened with k or M, keeping up to two significant decimals.</summary>
    public static string Compact(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1_000_000_000 => Trim(value / 1_000_000_000) + "B",
            >= 1_000_000 => Trim(value / 1_000_000) + "M",
            >= 1_000 => Trim(value / 1_000) + "k",
            _ => Trim(value),
        };
    }

    private static string Trim(double value)
    {
        var rounded = Math.Round(value, 2);
        if (rounded == 0)
            rounded = 0;
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
