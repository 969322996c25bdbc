using ChurnWatch.Analytics.Modeling;
using System.Text.Json;
using ChurnWatch.Analytics.Learning.Trees;

namespace ChurnWatch.Analytics.Tests.Learning.Trees;

public sealed class GradientBoostedTreesModelJsonTests
{
    [Fact]
    public void Deserialize_SerializedModel_IdenticalPredictionsAndJson()
    {
        var (x, y) = TreeTestData.Mixed(2000, seed: 30);
        var model = GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 30 });
        var json = GradientBoostedTreesModelJson.Serialize(model);

        var read = GradientBoostedTreesModelJson.Deserialize(json);

        Assert.Equal(model.PredictLogits(x), read.PredictLogits(x));
        Assert.Equal(model.Contributions(x.Row(7)), read.Contributions(x.Row(7)));
        Assert.Equal(json, GradientBoostedTreesModelJson.Serialize(read));
        Assert.Equal(model.ColumnNames, read.ColumnNames);
    }

    [Fact]
    public void Serialize_Model_StartsWithFormatVersion()
    {
        var (x, y) = TreeTestData.Mixed(200, seed: 31);
        var json = GradientBoostedTreesModelJson.Serialize(GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 2 }));

        Assert.StartsWith("{\"format_version\":1,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_OtherFormatVersion_Throws()
    {
        var (x, y) = TreeTestData.Mixed(200, seed: 32);
        var json = GradientBoostedTreesModelJson.Serialize(GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions { Trees = 2 }));

        Assert.Throws<JsonException>(() => GradientBoostedTreesModelJson.Deserialize(json.Replace("\"format_version\":1", "\"format_version\":2", StringComparison.Ordinal)));
    }
}
