using System.Globalization;
using System.Text.Json;
using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.Tables;

namespace ChurnWatch.Analytics.Tests.Modeling;

/// <summary>
/// Model files written by an earlier ChurnWatch (format version 3, saved in Fixtures/ with the scores that code gave)
/// still load and score exactly as they did: a user's trained model survives an upgrade.
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
        Assert.Equal(Strings(root.GetProperty("feature_settings").GetProperty("key_features")), model.FeatureSettings.KeyFeatures);
        Assert.Equal(Strings(root.GetProperty("feature_settings").GetProperty("plan_tiers")), model.FeatureSettings.PlanTiers);
        Assert.Equal(Strings(root.GetProperty("feature_names")), model.FeatureNames);
        Assert.Equal(
            root.GetProperty("importance").EnumerateArray().Select(i => i.GetProperty("feature").GetString()),
            model.Importance.Select(i => i.Feature));
        Assert.Equal(
            root.GetProperty("classifier").GetProperty("slot_features").EnumerateArray().Select(s => s.GetInt32()),
            model.Classifier.SlotFeatures);

        var rows = scores.RootElement.EnumerateArray().ToArray();
        var accounts = rows.Select(r => new AccountFeatures(
            r.GetProperty("account_id").GetString()!,
            DateOnly.Parse(r.GetProperty("as_of").GetString()!, CultureInfo.InvariantCulture),
            Strings(r.GetProperty("names")),
            [.. r.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())])).ToArray();
        Assert.Equal(12, accounts.Length);
        Assert.Equal(rows.Select(r => r.GetProperty("probability").GetDouble()), model.PredictProbabilities(accounts));
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
            model.Classifier.SlotFeatures);
        var rows = scores.RootElement.GetProperty("rows").EnumerateArray().Select(r => Strings(r).ToArray()).ToArray();
        var table = new AccountTable("accounts.csv", ["account_id", "plan", "tickets_open", "nps", "churned"], rows);
        Assert.Equal(10, rows.Length);
        Assert.Equal(
            scores.RootElement.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()),
            model.Score(table, explain: false).Probabilities);
    }

    private static IReadOnlyList<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
