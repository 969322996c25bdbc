using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class StandardiserTests
{
    private static readonly FeatureDefinition[] Definitions =
    [
        new("count", "a count", FeatureSource.Usage, IsCountLike: true),
        new("ratio", "a ratio with gaps", FeatureSource.Tickets, IsCountLike: false),
        new("constant", "always 5", FeatureSource.Usage, IsCountLike: false),
    ];

    private static ObservationSet Set()
    {
        double[] features =
        [
            0, 1.0, 5,
            3, double.NaN, 5,
            7, 3.0, 5,
            1, double.NaN, 5,
        ];
        return new ObservationSet(["count", "ratio", "constant"], new int[4], new int[4], features, new sbyte[4], new sbyte[4], new int[4], new int[4]);
    }

    [Fact]
    public void Fit_CountRatioConstant_Log1pImputeIndicatorAndZScore()
    {
        var columns = Standardiser.Fit(Set(), Definitions, [0, 1, 2, 3]);

        Assert.Equal(["count", "ratio", "ratio_missing", "constant"], columns.Select(c => c.Name));
        var logs = new[] { 0.0, Math.Log(4), Math.Log(8), Math.Log(2) };
        var mean = logs.Average();
        Assert.True(columns[0].Log1p);
        Assert.Equal(mean, columns[0].Center, 14);
        Assert.Equal(Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / 4), columns[0].Scale, 14);
        // Mean of the present values; imputed rows sit on it, so they add no spread: sqrt(((1-2)^2 + (3-2)^2) / 4).
        Assert.Equal(2.0, columns[1].Center, 14);
        Assert.Equal(Math.Sqrt(0.5), columns[1].Scale, 14);
        Assert.Equal(0.5, columns[2].Center, 14);
        Assert.Equal(0.5, columns[2].Scale, 14);
        Assert.Equal(0.0, columns[3].Scale);
    }

    [Fact]
    public void Transform_StandardisedValues_HaveZeroMeanAndUnitSpread()
    {
        var set = Set();
        var columns = Standardiser.Fit(set, Definitions, [0, 1, 2, 3]);

        var z = Standardiser.Transform(set, columns, [0, 1, 2, 3]);

        for (var c = 0; c < 3; c++)
        {
            var values = Enumerable.Range(0, 4).Select(r => z[(r * columns.Length) + c]).ToArray();
            Assert.Equal(0, values.Average(), 12);
            Assert.Equal(1, Math.Sqrt(values.Sum(v => v * v) / 4), 12);
        }

        Assert.All(Enumerable.Range(0, 4), r => Assert.Equal(0, z[(r * columns.Length) + 3]));
        Assert.Equal(0, z[(1 * columns.Length) + 1]); // imputed
        Assert.Equal(1, z[(1 * columns.Length) + 2]); // missing indicator: (1 - 0.5) / 0.5
    }
}
