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
}
