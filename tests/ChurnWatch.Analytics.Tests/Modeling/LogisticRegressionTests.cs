using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public sealed class LogisticRegressionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2.5)]
    [InlineData(-7)]
    [InlineData(30)]
    public void Sigmoid_AnyLogit_IsTheLogisticFunctionAndSymmetric(double x)
    {
        Assert.Equal(1 / (1 + Math.Exp(-x)), LogisticRegression.Sigmoid(x), 15);
        Assert.Equal(1, LogisticRegression.Sigmoid(x) + LogisticRegression.Sigmoid(-x), 15);
    }

    [Fact]
    public void Sigmoid_HugeLogits_StayFiniteAtTheBounds()
    {
        // exp(x) / (1 + exp(x)) alone would be infinity / infinity = NaN at x = 1000: each end needs its own branch.
        Assert.Equal(0, LogisticRegression.Sigmoid(-1000));
        Assert.Equal(1, LogisticRegression.Sigmoid(1000));
        Assert.True(LogisticRegression.Sigmoid(-700) > 0);
    }
}
