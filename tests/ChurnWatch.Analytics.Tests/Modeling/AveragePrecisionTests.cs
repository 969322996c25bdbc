using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class AveragePrecisionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AveragePrecision_SmallRandomDataWithTies_EqualsMeanPrecisionAtEachPositive(int seed)
    {
        var random = new Random(seed);
        var n = 5 + random.Next(30);
        // One decimal makes ties; every tied row counts as retrieved together.
        var scores = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var labels = scores.Select(s => random.NextDouble() < 0.2 + (0.5 * s)).ToArray();
        labels[0] = true;

        // Brute force: for each positive, precision among all rows scored at least as high as it.
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (labels[i])
            {
                var retrieved = Enumerable.Range(0, n).Where(j => scores[j] >= scores[i]).ToArray();
                sum += retrieved.Count(j => labels[j]) / (double)retrieved.Length;
            }
        }

        Assert.Equal(sum / labels.Count(l => l), ClassificationMetrics.AveragePrecision(scores, labels), 12);
    }

    [Fact]
    public void AveragePrecision_ScikitLearnDocumentationExample_IsFiveSixths() =>
        Assert.Equal(5 / 6.0, ClassificationMetrics.AveragePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 14);

    [Fact]
    public void AveragePrecision_PerfectRanking_IsOne() =>
        Assert.Equal(1.0, ClassificationMetrics.AveragePrecision([0.1, 0.9, 0.2, 0.8, 0.7], [false, true, false, true, true]));

    [Fact]
    public void AveragePrecision_AllPositive_IsOne() =>
        Assert.Equal(1.0, ClassificationMetrics.AveragePrecision([0.3, 0.1, 0.3], [true, true, true]));

    [Fact]
    public void AveragePrecision_ConstantScore_IsBaseRate() =>
        Assert.Equal(0.4, ClassificationMetrics.AveragePrecision([0.5, 0.5, 0.5, 0.5, 0.5], [true, false, false, true, false]), 14);

    [Fact]
    public void AveragePrecision_WorstRanking_IsMeanOfPositionsOverRanks()
    {
        // Positives ranked 4th and 5th of 5: precisions 1/4 and 2/5.
        var ap = ClassificationMetrics.AveragePrecision([0.9, 0.8, 0.7, 0.2, 0.1], [false, false, false, true, true]);

        Assert.Equal(((1 / 4.0) + (2 / 5.0)) / 2, ap, 14);
    }

    [Fact]
    public void AveragePrecision_NoPositives_IsNaN() =>
        Assert.True(double.IsNaN(ClassificationMetrics.AveragePrecision([0.1, 0.9], [false, false])));
}
