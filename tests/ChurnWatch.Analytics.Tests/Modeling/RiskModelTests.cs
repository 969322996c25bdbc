using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class RiskModelTests
{
    private static RiskModel Model() => new(
        RiskModel.CurrentFormatVersion, ModelTarget.Churn, RiskModel.LogisticRegressionLearner, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 3), 100, 0.1, 90, 30, 365, 0.01, 5,
        new FeatureSettings([], []),
        ["events", "csat"],
        -2.0,
        [
            new ModelColumn("events", "events", false, true, 1.0, 2.0, -0.5),
            new ModelColumn("csat", "csat", false, false, 3.0, 1.0, -0.25),
            new ModelColumn("csat_missing", "csat", true, false, 0.2, 0.4, 0.75),
        ],
        null);

    private static AccountFeatures Features(double events, double csat) =>
        new("a", new DateOnly(2024, 6, 10), ["csat", "events"], [csat, events]);

    [Fact]
    public void Explain_HandMadeModel_GivesHandComputedLogitAndContributions()
    {
        var explanation = Model().Explain(Features(events: Math.E - 1, csat: double.NaN));

        // events: log1p(e - 1) = 1 -> z = 0; csat missing -> value z = 0, indicator z = (1 - 0.2) / 0.4 = 2.
        Assert.Equal(-2.0 + (0.75 * 2), explanation.Logit, 14);
        Assert.Equal(1 / (1 + Math.Exp(0.5)), explanation.Probability, 14);
        Assert.Equal(["events", "csat"], explanation.Contributions.Select(c => c.Feature));
        Assert.Equal(0, explanation.Contributions[0].Contribution, 14);
        Assert.Equal(1.5, explanation.Contributions[1].Contribution, 14);
        Assert.True(double.IsNaN(explanation.Contributions[1].RawValue));
    }

    [Fact]
    public void Explain_AnyValues_ContributionsSumToLogitMinusIntercept()
    {
        var random = new Random(5);
        for (var i = 0; i < 100; i++)
        {
            var explanation = Model().Explain(Features(random.Next(0, 1000), random.NextDouble() < 0.3 ? double.NaN : random.Next(1, 6)));

            Assert.Equal(explanation.Logit - explanation.Intercept, explanation.Contributions.Sum(c => c.Contribution), 12);
        }
    }

    [Fact]
    public void EnsureCompatible_MissingAndExtraFeatures_NamesThem()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Model().EnsureCompatible(["events", "nps"]));

        Assert.Equal(
            "The Churn model (trained 2024-01-01 to 2024-06-03) does not match these features: missing csat; extra nps. Retrain the model on the current data.",
            error.Message);
    }

    [Fact]
    public void Serialize_HandMadeModel_IsStableSnakeCaseJson()
    {
        var json = RiskModelSerializer.Serialize(Model());

        Assert.Contains("\"feature_names\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"is_missing_indicator\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"train_from\": \"2024-01-01\"", json, StringComparison.Ordinal);
        Assert.Equal(json, RiskModelSerializer.Serialize(RiskModelSerializer.Deserialize(json)));
    }

    [Fact]
    public void Deserialize_ColumnReadingUndeclaredFeature_IsRejected()
    {
        var json = RiskModelSerializer.Serialize(Model() with { FeatureNames = ["events"] });

        var error = Assert.Throws<System.Text.Json.JsonException>(() => RiskModelSerializer.Deserialize(json));

        Assert.Contains("undeclared feature 'csat'", error.Message, StringComparison.Ordinal);
    }
}
