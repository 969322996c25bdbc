using System.Globalization;
using System.Text.Json;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.Tables;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Tests.Modeling;

/// <summary>
/// Model files written by an earlier ChurnWatch (format version 3, saved in Fixtures/ with the scores that code gave)
/// still load and score exactly as they did: a user's trained model survives an upgrade. Version 3 called the model
/// inputs features (<c>feature_settings</c>, <c>feature_names</c>, <c>slot_features</c>, importance <c>feature</c>);
/// such a file is read under those names and written back as version 4 with the predictor names.
/// </summary>
public class ModelFileCompatibilityTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Modeling", "Fixtures", name));

    [Fact]
    public void Deserialize_Version3ChurnModel_LoadsItsSettingsAndScoresAsWhenSaved()
    {
        var json = Fixture("churn-model-v3.json");
        using var saved = JsonDocument.Parse(json);
        using var scores = JsonDocument.Parse(Fixture("churn-model-v3-scores.json"));

        var model = RiskModelSerializer.Deserialize(json);

        var root = saved.RootElement;
        Assert.Equal(Strings(root.GetProperty("feature_settings").GetProperty("key_features")), model.PredictorSettings.KeyFeatures);
        Assert.Equal(Strings(root.GetProperty("feature_settings").GetProperty("plan_tiers")), model.PredictorSettings.PlanTiers);
        Assert.Equal(Strings(root.GetProperty("feature_names")), model.PredictorNames);
        Assert.Equal(
            root.GetProperty("importance").EnumerateArray().Select(i => i.GetProperty("feature").GetString()),
            model.Importance.Select(i => i.Predictor));
        Assert.Equal(
            root.GetProperty("classifier").GetProperty("slot_features").EnumerateArray().Select(s => s.GetInt32()),
            model.Classifier.SlotPredictors);

        var rows = scores.RootElement.EnumerateArray().ToArray();
        var accounts = rows.Select(r => new AccountPredictors(
            r.GetProperty("account_id").GetString()!,
            DateOnly.Parse(r.GetProperty("as_of").GetString()!, CultureInfo.InvariantCulture),
            Strings(r.GetProperty("names")),
            [.. r.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())])).ToArray();
        Assert.Equal(12, accounts.Length);
        Assert.Equal(rows.Select(r => r.GetProperty("probability").GetDouble()), model.PredictProbabilities(accounts));

        var rewritten = RiskModelSerializer.Serialize(model);
        Assert.Contains("\"format_version\": 4", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"predictor_settings\": {", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"predictor_names\": [", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"slot_predictors\": [", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"predictor\": ", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("\"feature_names\"", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"key_features\": [", rewritten, StringComparison.Ordinal); // product features keep their name
        Assert.Equal(model.PredictProbabilities(accounts), RiskModelSerializer.Deserialize(rewritten).PredictProbabilities(accounts));
    }

    [Fact]
    public void Deserialize_Version3TableModel_LoadsAndScoresAsWhenSaved()
    {
        var json = Fixture("table-model-v3.json");
        using var saved = JsonDocument.Parse(json);
        using var scores = JsonDocument.Parse(Fixture("table-model-v3-scores.json"));

        var model = TableModelSerializer.Deserialize(json, "table-model-v3.json");

        Assert.Equal(
            saved.RootElement.GetProperty("classifier").GetProperty("slot_features").EnumerateArray().Select(s => s.GetInt32()),
            model.Classifier.SlotPredictors);
        var rows = scores.RootElement.GetProperty("rows").EnumerateArray().Select(r => Strings(r).ToArray()).ToArray();
        var table = new AccountTable("accounts.csv", ["account_id", "plan", "tickets_open", "nps", "churned"], rows);
        Assert.Equal(10, rows.Length);
        Assert.Equal(
            scores.RootElement.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()),
            model.Score(table, explain: false).Probabilities);

        var rewritten = TableModelSerializer.Serialize(model);
        Assert.Contains("\"format_version\": 4", rewritten, StringComparison.Ordinal);
        Assert.Contains("\"slot_predictors\": [", rewritten, StringComparison.Ordinal);
        Assert.Equal(
            model.Score(table, explain: false).Probabilities,
            TableModelSerializer.Deserialize(rewritten, "table-model-v4.json").Score(table, explain: false).Probabilities);
    }

    private static IReadOnlyList<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
