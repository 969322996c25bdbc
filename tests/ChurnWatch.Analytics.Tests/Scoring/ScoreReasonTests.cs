using System.Text.Json;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Tests.Scoring;

public class ScoreReasonTests
{
    [Fact]
    public void Deserialize_ReasonStoredBeforeThePredictorRename_ReadsItsFeatureAsThePredictor()
    {
        // The store's scores hold reasons as JSON; those written before the rename name the predictor "Feature".
        const string stored = """[{"Feature":"wau_change","Contribution":0.3,"Sentence":"Weekly active users fell from 24 to 7","Topic":4,"IsProtective":false}]""";

        var reason = Assert.Single(JsonSerializer.Deserialize<List<ScoreReason>>(stored)!);

        Assert.Equal(new ScoreReason("wau_change", 0.3, "Weekly active users fell from 24 to 7", ReasonTopic.Usage), reason);
    }

    [Fact]
    public void Serialize_Reason_NamesThePredictorAndRoundTrips()
    {
        var reason = new ScoreReason("wau_change", 0.3, "Weekly active users fell from 24 to 7");

        var json = JsonSerializer.Serialize(reason);

        Assert.Contains("\"Predictor\":\"wau_change\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Feature", json, StringComparison.Ordinal);
        Assert.Equal(reason, JsonSerializer.Deserialize<ScoreReason>(json));
    }
}
