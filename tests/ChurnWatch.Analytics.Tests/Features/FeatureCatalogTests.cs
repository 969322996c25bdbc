using System.Reflection;
using ChurnWatch.Analytics.Features;

namespace ChurnWatch.Analytics.Tests.Features;

public class FeatureCatalogTests
{
    [Fact]
    public void Core_IndexConstants_MatchCatalogOrder()
    {
        var constants = typeof(FeatureNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not nameof(FeatureNames.UsagePrefix) and not nameof(FeatureNames.UsageSuffix))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var indexes = typeof(CoreFeatureIndex).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name != nameof(CoreFeatureIndex.Count))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

        Assert.Equal(CoreFeatureIndex.Count, FeatureCatalog.Core.Count);
        Assert.Equal(constants.Keys.Order(), indexes.Keys.Order());
        foreach (var (name, index) in indexes)
        {
            Assert.Equal(constants[name], FeatureCatalog.Core[index].Name);
        }
    }

    [Fact]
    public void Core_Names_AreUniqueSnakeCaseAndDescribed()
    {
        Assert.Equal(FeatureCatalog.Core.Count, FeatureCatalog.Core.Select(d => d.Name).Distinct().Count());
        Assert.All(FeatureCatalog.Core, d =>
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
        });
    }

    [Fact]
    public void Core_OptionalEntityFlags_FollowSources()
    {
        var optional = FeatureCatalog.Core.Where(d => d.IsFromOptionalEntity).Select(d => d.Name).ToArray();
        Assert.Equal(
            [
                FeatureNames.TicketsOpened90d, FeatureNames.TicketsOpen, FeatureNames.UrgentOpen, FeatureNames.UrgentOpenOver14d,
                FeatureNames.SlaBreached90d, FeatureNames.MedianDaysToResolve180d, FeatureNames.MaxTier90d, FeatureNames.CsatAvg180d,
                FeatureNames.InvoicesPastDue, FeatureNames.MaxDaysOverdue, FeatureNames.FailedPayments90d,
            ],
            optional);
    }

    [Theory]
    [InlineData("reports", "usage_reports_28d")]
    [InlineData("Bulk Export", "usage_bulk_export_28d")]
    [InlineData("api.v2/calls", "usage_api_v2_calls_28d")]
    [InlineData("--x--", "usage_x_28d")]
    [InlineData("$$", "usage_x2_28d")]
    public void UsageColumnName_AnyFeature_IsSnakeCase(string feature, string expected) =>
        Assert.Equal(expected, FeatureCatalog.UsageColumnName(feature));
}
