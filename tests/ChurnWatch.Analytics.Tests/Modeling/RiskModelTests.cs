using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Linear;
using ChurnWatch.Analytics.Learning.Trees;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class RiskModelTests
{
    private static readonly LogisticClassifier Linear = new(
        ["events", "csat"],
        Means: [1.0, 3.0],
        Scales: [2.0, 1.0],
        LogScaled: [true, false],
        Coefficients: [-0.5, -0.25],
        MissingCoefficients: [0.0, 0.75],
        Intercept: -2.0);

    private static RiskModel Model(IBinaryClassifier classifier) => new(
        RiskModel.CurrentFormatVersion, ModelTarget.Churn, classifier.Learner, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 3), 100, 0.1, 90, 30, 365,
        new FeatureSettings([], []),
        [.. classifier.ColumnNames],
        classifier,
        null);

    // The account's features arrive in another order than the model's columns: the model reads them by name.
    private static AccountFeatures Features(double events, double csat) =>
        new("a", new DateOnly(2024, 6, 10), ["csat", "events"], [csat, events]);

    private static TreesClassifier Trees()
    {
        var random = new Random(3);
        var values = new double[400 * 2];
        var labels = new double[400];
        for (var r = 0; r < 400; r++)
        {
            values[r * 2] = random.Next(0, 100);
            values[(r * 2) + 1] = random.NextDouble() < 0.2 ? double.NaN : random.Next(1, 6);
            labels[r] = values[r * 2] < 30 || values[(r * 2) + 1] <= 2 ? (random.NextDouble() < 0.7 ? 1 : 0) : (random.NextDouble() < 0.1 ? 1 : 0);
        }

        return new TreesClassifier(GradientBoostedTrees.Fit(new FeatureMatrix(["events", "csat"], values), labels, new GradientBoostingOptions { Trees = 20, MaxDepth = 3, Seed = 1 }));
    }

    [Fact]
    public void Explain_HandMadeLinearModel_GivesHandComputedLogitAndContributions()
    {
        var explanation = Model(Linear).Explain(Features(events: Math.E - 1, csat: double.NaN));

        // events: log(1 + e - 1) = 1 -> z = (1 - 1) / 2 = 0; csat missing -> its missing coefficient 0.75.
        Assert.Equal(-2.0 + 0.75, explanation.Logit, 14);
        Assert.Equal(1 / (1 + Math.Exp(1.25)), explanation.Probability, 14);
        Assert.Equal(["events", "csat"], explanation.Contributions.Select(c => c.Feature));
        Assert.Equal(0, explanation.Contributions[0].Contribution, 14);
        Assert.Equal(0.75, explanation.Contributions[1].Contribution, 14);
        Assert.Equal(Math.E - 1, explanation.Contributions[0].RawValue);
        Assert.True(double.IsNaN(explanation.Contributions[1].RawValue));
    }

    [Fact]
    public void Explain_AnyValuesEitherLearner_ContributionsSumToLogitMinusBias()
    {
        var random = new Random(5);
        foreach (var model in new[] { Model(Linear), Model(Trees()) })
        {
            for (var i = 0; i < 100; i++)
            {
                var features = Features(random.Next(0, 1000), random.NextDouble() < 0.3 ? double.NaN : random.Next(1, 6));
                var explanation = model.Explain(features);

                Assert.Equal(explanation.Logit - explanation.Intercept, explanation.Contributions.Sum(c => c.Contribution), 10);
                Assert.Equal(explanation.Probability, model.PredictRawProbability(features), 15);
            }
        }
    }

    [Fact]
    public void EnsureCompatible_MissingAndExtraFeatures_NamesThem()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Model(Linear).EnsureCompatible(["events", "nps"]));

        Assert.Equal(
            "The Churn model (trained 2024-01-01 to 2024-06-03) does not match these features: missing csat; extra nps. Retrain the model on the current data.",
            error.Message);
    }

    [Fact]
    public void Serialize_EitherLearner_IsStableSnakeCaseJsonNamingItsKind()
    {
        foreach (var model in new[] { Model(Linear), Model(Trees()) })
        {
            var json = RiskModelSerializer.Serialize(model);
            var read = RiskModelSerializer.Deserialize(json);

            Assert.Contains("\"feature_names\": [", json, StringComparison.Ordinal);
            Assert.Contains($"\"kind\": \"{model.Learner}\"", json, StringComparison.Ordinal);
            Assert.Contains("\"train_from\": \"2024-01-01\"", json, StringComparison.Ordinal);
            Assert.Equal(json, RiskModelSerializer.Serialize(read));
            Assert.Equal(model.PredictRawProbability(Features(12, 4)), read.PredictRawProbability(Features(12, 4)));
        }
    }

    [Fact]
    public void Deserialize_ClassifierReadingUndeclaredFeature_IsRejected()
    {
        var json = RiskModelSerializer.Serialize(Model(Linear) with { FeatureNames = ["events"] });

        var error = Assert.Throws<System.Text.Json.JsonException>(() => RiskModelSerializer.Deserialize(json));

        Assert.Contains("undeclared feature 'csat'", error.Message, StringComparison.Ordinal);
    }
}
