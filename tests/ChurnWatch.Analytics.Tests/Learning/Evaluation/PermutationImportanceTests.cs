using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Evaluation;

namespace ChurnWatch.Analytics.Tests.Learning.Evaluation;

public class PermutationImportanceTests
{
    private static readonly string[] Names = ["signal", "noise_a", "noise_b"];

    [Fact]
    public void Compute_OneInformativeAndTwoNoiseColumns_RanksInformativeFirst()
    {
        var (x, labels) = Synthetic(2_000, seed: 1);

        var importance = PermutationImportance.Compute(x, labels, Scorer, repeats: 5, seed: 3);

        Assert.Equal(Names, importance.Select(i => i.Column));
        var signal = importance[0];
        Assert.True(signal.Importance > 0.1, $"signal drop {signal.Importance}");
        foreach (var noise in importance.Skip(1))
        {
            // The scorer leans on the noise a little, so shuffling it moves the AUC only slightly either way.
            Assert.True(signal.Importance - (3 * signal.StandardDeviation) > noise.Importance + (3 * noise.StandardDeviation), $"{noise}");
            Assert.InRange(noise.Importance, -0.02, 0.02);
        }
    }

    [Fact]
    public void Compute_ColumnTheScorerIgnores_ExactlyZero()
    {
        var (x, labels) = Synthetic(300, seed: 2);

        var importance = PermutationImportance.Compute(x, labels, m => Sigmoids(m, 1.0, 0.0, 0.0), repeats: 3, seed: 3);

        Assert.Equal(new ColumnImportance("noise_a", 0, 0), importance[1]);
        Assert.Equal(new ColumnImportance("noise_b", 0, 0), importance[2]);
    }

    [Fact]
    public void Compute_SameSeed_SameResult()
    {
        var (x, labels) = Synthetic(500, seed: 4);

        var first = PermutationImportance.Compute(x, labels, Scorer, repeats: 3, seed: 9);
        var second = PermutationImportance.Compute(x, labels, Scorer, repeats: 3, seed: 9);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compute_OneClass_Throws()
    {
        var x = new FeatureMatrix(Names, new double[6]);

        Assert.Throws<ArgumentException>(() => PermutationImportance.Compute(x, [1, 1], Scorer, 1, 1));
    }

    [Fact]
    public void MeanAbsoluteContribution_HandExample_MeanOfAbsoluteValuesPerColumn()
    {
        IReadOnlyList<double>[] rows = [[1.0, -2.0], [-3.0, 0.0], [0.5, 4.0]];

        var importance = ContributionImportance.MeanAbsoluteContribution(["a", "b"], rows);

        Assert.Equal([new ColumnImportance("a", 1.5, 0), new ColumnImportance("b", 2.0, 0)], importance);
    }

    [Fact]
    public void MeanAbsoluteContribution_RowOfWrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => ContributionImportance.MeanAbsoluteContribution(["a", "b"], [[1.0]]));

    private static double[] Scorer(FeatureMatrix x) => Sigmoids(x, 2.0, 0.3, -0.3);

    private static double[] Sigmoids(FeatureMatrix x, double w0, double w1, double w2) =>
        Enumerable.Range(0, x.Rows)
            .Select(r => 1 / (1 + Math.Exp(-((w0 * x[r, 0]) + (w1 * x[r, 1]) + (w2 * x[r, 2])))))
            .ToArray();

    /// <summary>Three standard-normal columns; the label depends on the first only.</summary>
    private static (FeatureMatrix X, double[] Labels) Synthetic(int rows, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * 3];
        var labels = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                // Box-Muller.
                values[(r * 3) + c] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            }

            labels[r] = random.NextDouble() < 1 / (1 + Math.Exp(-2 * values[r * 3])) ? 1 : 0;
        }

        return (new FeatureMatrix(Names, values), labels);
    }
}
