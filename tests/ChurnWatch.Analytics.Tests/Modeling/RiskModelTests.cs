using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Tests.Modeling.MlNet;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class RiskModelTests
{
    private static RiskModel Model(MlNetClassifier classifier) => new(
        RiskModel.CurrentFormatVersion, ModelTarget.Churn, classifier.Learner, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 3), 100, 0.1, 90, 30, 365,
        new PredictorSettings([], []),
        [.. classifier.ColumnNames],
        classifier,
        null);

    // The account's predictors arrive in another order than the model's columns: the model reads them by name.
    private static AccountPredictors Predictors(double events, double csat) =>
        new("a", new DateOnly(2024, 6, 10), ["csat", "never_seen", "events"], [csat, double.NaN, events]);

    [Fact]
    public void Explain_AnyValuesEitherLearner_ContributionsSumToLogitMinusBias()
    {
        var random = new Random(5);
        foreach (var model in new[] { Model(MlNetClassifierTests.Fit(RiskModel.LogisticRegressionLearner)), Model(MlNetClassifierTests.Fit(RiskModel.LightGbmLearner)) })
        {
            var accounts = Enumerable.Range(0, 100).Select(_ => Predictors(random.Next(0, 1000), random.NextDouble() < 0.3 ? double.NaN : random.Next(1, 6))).ToArray();
            var explanations = model.Explain(accounts);
            var probabilities = model.PredictProbabilities(accounts);

            for (var i = 0; i < accounts.Length; i++)
            {
                var explanation = explanations[i];
                Assert.Equal(["events", "csat", "never_seen"], explanation.Contributions.Select(c => c.Predictor));
                Assert.Equal(accounts[i]["events"], explanation.Contributions[0].RawValue);
                Assert.Equal(explanation.Logit - explanation.Intercept, explanation.Contributions.Sum(c => c.Contribution), 1e-9);
                Assert.Equal(1 / (1 + Math.Exp(-explanation.Logit)), explanation.Probability, 12);
                Assert.Equal(probabilities[i], explanation.CalibratedProbability);
                if (i < 5)
                {
                    var single = model.Explain(accounts[i]); // one account alone scores as it does in a batch
                    Assert.Equal(explanation.Logit, single.Logit);
                    Assert.Equal(explanation.CalibratedProbability, single.CalibratedProbability);
                }
            }
        }
    }

    [Fact]
    public void EnsureCompatible_MissingAndExtraPredictors_NamesThem()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Model(MlNetClassifierTests.Fit(RiskModel.LogisticRegressionLearner)).EnsureCompatible(["events", "nps", "never_seen"]));

        Assert.Equal(
            "The Churn model (trained 2024-01-01 to 2024-06-03) does not match these predictors: missing csat; extra nps. Retrain the model on the current data.",
            error.Message);
    }

    [Fact]
    public void Serialize_EitherLearner_IsStableSnakeCaseJsonWithTheMlNetModelInside()
    {
        foreach (var model in new[] { Model(MlNetClassifierTests.Fit(RiskModel.LogisticRegressionLearner)), Model(MlNetClassifierTests.Fit(RiskModel.LightGbmLearner)) })
        {
            var json = RiskModelSerializer.Serialize(model);
            var read = RiskModelSerializer.Deserialize(json);

            Assert.Contains("\"predictor_names\": [", json, StringComparison.Ordinal);
            Assert.Contains($"\"learner\": \"{model.Learner}\"", json, StringComparison.Ordinal);
            Assert.Contains("\"ml_net_model\": \"UEsD", json, StringComparison.Ordinal); // base64 of a zip ("PK\x03")
            Assert.Contains("\"format_version\": 4", json, StringComparison.Ordinal);
            Assert.Equal(json, RiskModelSerializer.Serialize(read));
            Assert.Equal(model.Explain(Predictors(12, 4)).Logit, read.Explain(Predictors(12, 4)).Logit);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Deserialize_OlderFormat_SaysToRetrain(int version)
    {
        var json = $$"""{ "format_version": {{version}}, "target": "churn", "classifier": { "kind": "logistic_regression_l2" } }""";

        var error = Assert.Throws<System.Text.Json.JsonException>(() => RiskModelSerializer.Deserialize(json));

        Assert.Equal(
            $"The model file is in an older format (version {version}, from a ChurnWatch before ML.NET became its model engine); retrain to replace it: `churnwatch jobs trigger train`, the next scheduled training, or `churnwatch demo` on the sample company.",
            error.Message);
    }

    [Fact]
    public void Deserialize_ClassifierReadingUndeclaredPredictor_IsRejected()
    {
        var json = RiskModelSerializer.Serialize(Model(MlNetClassifierTests.Fit(RiskModel.LogisticRegressionLearner)) with { PredictorNames = ["events", "never_seen"] });

        var error = Assert.Throws<System.Text.Json.JsonException>(() => RiskModelSerializer.Deserialize(json));

        Assert.Contains("undeclared predictor 'csat'", error.Message, StringComparison.Ordinal);
    }
}
