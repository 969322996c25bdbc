using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Linear;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Learning.Linear;

public sealed class LogisticLearnerTests
{
    /// <summary>Rows whose positive rate rises with column 0, is unrelated to column 1, and is higher when column 2 is missing.</summary>
    private static (FeatureMatrix X, double[] Y) Data(int rows, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * 3];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            values[r * 3] = random.NextDouble() * 4 - 2;
            values[(r * 3) + 1] = random.NextDouble();
            var missing = random.NextDouble() < 0.3;
            values[(r * 3) + 2] = missing ? double.NaN : random.NextDouble();
            var logit = -1 + (1.5 * values[r * 3]) + (missing ? 1.0 : 0);
            y[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return (new FeatureMatrix(["signal", "noise", "sometimes_missing"], values), y);
    }

    [Fact]
    public void Fit_LearnsTheSignalAndTheMissingness()
    {
        var (x, y) = Data(4000, 1);
        var (test, testY) = Data(4000, 2);

        var model = (LogisticClassifier)new LogisticLearner().Fit(x, y, seed: 0);
        var predicted = Enumerable.Range(0, test.Rows).Select(r => model.PredictProbability(test.Row(r))).ToArray();

        Assert.True(ClassificationMetrics.Auc(predicted, testY.Select(v => v > 0.5).ToArray()) > 0.75);
        Assert.True(model.Coefficients[0] > 5 * Math.Abs(model.Coefficients[1]));
        Assert.True(model.MissingCoefficients[2] > 0.5, $"missing coefficient {model.MissingCoefficients[2]}");
    }

    [Fact]
    public void Contributions_AddUpToTheLogit()
    {
        var (x, y) = Data(500, 3);
        var model = new LogisticLearner().Fit(x, y, seed: 0);

        for (var r = 0; r < x.Rows; r++)
        {
            var contributions = model.Contributions(x.Row(r), out var bias);
            Assert.Equal(model.PredictLogit(x.Row(r)), bias + contributions.Sum(), 12);
        }
    }
}
