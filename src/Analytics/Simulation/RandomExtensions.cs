namespace ChurnWatch.Analytics.Simulation;

/// <summary>The few distributions the simulation needs, on top of a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    /// <summary>A uniform value in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double Between(this Random rng, double min, double max) => min + ((max - min) * rng.NextDouble());

    /// <summary>A standard normal draw (Box-Muller), scaled.</summary>
    public static double Normal(this Random rng, double mean, double sd)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>A Poisson count (Knuth's method: the rates here are small).</summary>
    public static int Poisson(this Random rng, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }

    /// <summary>An exponential waiting time with the given mean.</summary>
    public static double Exponential(this Random rng, double mean) => -mean * Math.Log(1.0 - rng.NextDouble());

    /// <summary>Picks an item of <paramref name="items"/> uniformly.</summary>
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
