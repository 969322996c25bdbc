using System.Reflection;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Tests.Predictors;

public class PredictorCatalogTests
{
    [Fact]
    public void Core_IndexConstants_MatchCatalogOrder()
    {
        var constants = typeof(PredictorNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not nameof(PredictorNames.UsagePrefix) and not nameof(PredictorNames.UsageSuffix))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var indexes = typeof(CorePredictorIndex).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name != nameof(CorePredictorIndex.Count))
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

        Assert.Equal(CorePredictorIndex.Count, PredictorCatalog.Core.Count);
        Assert.Equal(constants.Keys.Order(), indexes.Keys.Order());
        foreach (var (name, index) in indexes)
        {
            Assert.Equal(constants[name], PredictorCatalog.Core[index].Name);
        }
    }

    [Fact]
    public void Core_Names_AreUniqueSnakeCaseAndDescribed()
    {
        Assert.Equal(PredictorCatalog.Core.Count, PredictorCatalog.Core.Select(d => d.Name).Distinct().Count());
        Assert.All(PredictorCatalog.Core, d =>
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
        });
    }

    [Fact]
    public void Core_OptionalEntityFlags_FollowSources()
    {
        var optional = PredictorCatalog.Core.Where(d => d.IsFromOptionalEntity).Select(d => d.Name).ToArray();
        Assert.Equal(
            [
                PredictorNames.TicketsOpened90d, PredictorNames.TicketsOpen, PredictorNames.UrgentOpen, PredictorNames.UrgentOpenOver14d,
                PredictorNames.SlaBreached90d, PredictorNames.MedianDaysToResolve180d, PredictorNames.MaxTier90d, PredictorNames.CsatAvg180d,
                PredictorNames.InvoicesPastDue, PredictorNames.MaxDaysOverdue, PredictorNames.FailedPayments90d,
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
        Assert.Equal(expected, PredictorCatalog.UsageColumnName(feature));
}
