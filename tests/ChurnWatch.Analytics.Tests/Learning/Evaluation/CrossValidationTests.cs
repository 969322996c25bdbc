using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Evaluation;
using ChurnWatch.Analytics.Learning.Linear;

namespace ChurnWatch.Analytics.Tests.Learning.Evaluation;

public sealed class CrossValidationTests
{
    [Fact]
    public void Evaluate_InformativeColumn_BeatsChance()
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 2000).Select(_ => random.NextDouble()).ToArray();
        var labels = values.Select(v => random.NextDouble() < v ? 1.0 : 0.0).ToArray();

        var result = Assert.Single(CrossValidation.Evaluate(new FeatureMatrix(["v"], values), labels, [new LogisticLearner()], 5, 1, TimeProvider.System));

        // With v uniform and P(y=1|v) = v, the true AUC is P(v of a positive > v of a negative)
        // = ∫∫_{a>b} 2a·2(1-b) db da = 5/6; chance is 0.5. 2,000 rows put the estimate within about ±0.03.
        Assert.InRange(result.Auc, (5.0 / 6) - 0.03, (5.0 / 6) + 0.03);
        Assert.Equal(5, result.Folds);
    }

    [Fact]
    public void Evaluate_CallersFolds_SameResultAsTheFoldsItWouldDraw()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        var labels = values.Select(v => random.NextDouble() < v ? 1.0 : 0.0).ToArray();
        var x = new FeatureMatrix(["v"], values);

        var drawn = Assert.Single(CrossValidation.Evaluate(x, labels, [new LogisticLearner()], 5, 1, TimeProvider.System));
        var given = Assert.Single(CrossValidation.Evaluate(x, labels, [new LogisticLearner()], CrossValidation.StratifiedFolds(labels, 5, 1), 1, TimeProvider.System));

        Assert.Equal((drawn.Auc, drawn.LogLoss, drawn.Brier), (given.Auc, given.LogLoss, given.Brier));
    }

    [Fact]
    public void Evaluate_AFoldWithoutRows_Throws()
    {
        var x = new FeatureMatrix(["v"], [0.1, 0.2, 0.3, 0.4]);

        Assert.Throws<ArgumentException>(() => CrossValidation.Evaluate(x, [0, 1, 0, 1], [new LogisticLearner()], [0, 0, 2, 2], 1, TimeProvider.System));
    }
}
