using ChurnWatch.Analytics.Modeling;
using System.Security.Cryptography;
using System.Text;
using ChurnWatch.Analytics.Learning.Trees;

namespace ChurnWatch.Analytics.Tests.Learning.Trees;

/// <summary>
/// Pins the exact model JSON of fixed fits, so a speed change to training that alters any sum's order (and so a bit
/// of a split or leaf) fails here. The hashes were computed with the training code before the histogram rework.
/// </summary>
public sealed class GradientBoostedTreesPinnedTests
{
    [Theory]
    [InlineData(1, 1.0, 1.0, 0, "1341BE21F3F4B4F3472B26DF1A52162FFD70D60AE15E09D1B092A7BF359C9AB6")]
    [InlineData(2, 0.8, 0.7, 0, "DB83D0766B7BA7008A936E23D25E68D26CA1E79E8AF175E65CA740CD898AA23C")]
    [InlineData(2, 1.0, 1.0, 12, "61EE82F4D41669F256533A326CFEF9F7CF067AF1FC2E39F2EE9A6B6F05749995")]
    public void Fit_FixedData_PinnedJsonHash(int threads, double rowSubsample, double columnSubsample, int maxLeaves, string expected)
    {
        // More rows than one histogram chunk (4,096) and more columns than one column group, with missing values.
        var (x, y) = TreeTestData.Mixed(20_000, seed: 11, columns: 13);
        var json = GradientBoostedTreesModelJson.Serialize(GradientBoostedTrees.Fit(x, y, new GradientBoostingOptions
        {
            Trees = 25,
            MaxDepth = 6,
            RowSubsample = rowSubsample,
            ColumnSubsample = columnSubsample,
            MaxLeaves = maxLeaves == 0 ? null : maxLeaves,
            Threads = threads,
        }));

        Assert.Equal(expected, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }
}
