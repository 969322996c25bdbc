using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Learning;

namespace ChurnWatch.Analytics.Tests.Learning.Trees;

/// <summary>Seeded synthetic data sets for the tree tests.</summary>
internal static class TreeTestData
{
    /// <summary>y = 1 when x0 and x1 have the same sign (5% of labels flipped), plus <paramref name="noiseColumns"/> noise columns.</summary>
    public static (FeatureMatrix X, double[] Y) Xor(int rows, int seed, int noiseColumns = 3)
    {
        var random = new Random(seed);
        var columns = 2 + noiseColumns;
        var values = new double[rows * columns];
        var labels = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = (random.NextDouble() * 2) - 1;
            }

            var same = values[r * columns] * values[(r * columns) + 1] > 0;
            labels[r] = same ^ (random.NextDouble() < 0.05) ? 1 : 0;
        }

        return (new FeatureMatrix(Names(columns), values), labels);
    }

    /// <summary>A mix of signal, missing values and noise: exercises every code path of the learner.</summary>
    public static (FeatureMatrix X, double[] Y) Mixed(int rows, int seed, int columns = 6)
    {
        var random = new Random(seed);
        var values = new double[rows * columns];
        var labels = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                row[c] = Math.Round(random.NextDouble() * 4, c % 2 == 0 ? 3 : 1);
            }

            var logit = (row[0] * row[1] / 4) - (1.5 * Math.Abs(row[2] - 2)) + 1;
            if (random.NextDouble() < 0.2)
            {
                row[columns - 1] = double.NaN;
                logit += 1;
            }

            labels[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return (new FeatureMatrix(Names(columns), values), labels);
    }

    public static string[] Names(int columns) => Enumerable.Range(0, columns).Select(c => $"x{c}").ToArray();
}
