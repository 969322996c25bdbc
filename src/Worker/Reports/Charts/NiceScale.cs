namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// An axis range with round ticks: the step is 1, 2 or 5 times a power of ten, and the range starts and ends on a tick,
/// so readers can read values off the grid without mental arithmetic.
/// </summary>
internal sealed class NiceScale
{
    private static readonly int[] Mantissas = [1, 2, 5];

    private NiceScale(double min, double max, double step, int decimals, IReadOnlyList<double> ticks)
    {
        Min = min;
        Max = max;
        Step = step;
        Decimals = decimals;
        Ticks = ticks;
    }

    /// <summary>The first tick, at or below the smallest value.</summary>
    public double Min { get; }

    /// <summary>The last tick, at or above the largest value.</summary>
    public double Max { get; }

    /// <summary>Distance between ticks: 1, 2 or 5 x 10^k.</summary>
    public double Step { get; }

    /// <summary>Decimals needed to print every tick exactly (0 for steps of 1 and more).</summary>
    public int Decimals { get; }

    /// <summary>The ticks from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Chooses the smallest 1-2-5 step that covers [<paramref name="min"/>, <paramref name="max"/>] in at most <paramref name="maxIntervals"/> steps.</summary>
    /// <param name="min">Smallest value to show.</param>
    /// <param name="max">Largest value to show.</param>
    /// <param name="maxIntervals">Most intervals between ticks (ticks = intervals + 1); at least 1.</param>
    /// <param name="integerStep">True for counts, where a step below 1 would print fractional people.</param>
    public static NiceScale Create(double min, double max, int maxIntervals = 5, bool integerStep = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIntervals, 1);
        if (!double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException("The range must be finite.", nameof(min));
        if (min > max)
            (min, max) = (max, min);
        if (min == max)
        {
            // A flat series still needs an axis: widen around the value, keeping zero as a floor for non-negative data.
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            max += pad;
            min = min >= 0 && min - pad < 0 ? 0 : min - pad;
        }

        var raw = (max - min) / maxIntervals;
        var exponent = (int)Math.Floor(Math.Log10(raw));
        if (integerStep && exponent < 0)
            exponent = 0;

        while (true)
        {
            foreach (var mantissa in Mantissas)
            {
                var step = mantissa * Math.Pow(10, exponent);
                var first = (long)Math.Floor((min / step) + 1e-9);
                var last = (long)Math.Ceiling((max / step) - 1e-9);
                if (last - first <= maxIntervals)
                    return Build(first, last, mantissa, exponent);
            }

            exponent++;
        }
    }

    /// <summary>Where <paramref name="value"/> falls between <see cref="Min"/> (0) and <see cref="Max"/> (1).</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    private static NiceScale Build(long first, long last, int mantissa, int exponent)
    {
        var decimals = Math.Max(0, -exponent);
        var step = mantissa * Math.Pow(10, exponent);
        var ticks = new double[last - first + 1];
        for (var i = 0; i < ticks.Length; i++)
        {
            // Multiply the integer index rather than adding steps, and round, so 0.1 + 0.2 never prints as 0.30000000000000004.
            ticks[i] = Math.Round((first + i) * step, decimals);
        }

        return new NiceScale(ticks[0], ticks[^1], Math.Round(step, decimals), decimals, ticks);
    }
}
