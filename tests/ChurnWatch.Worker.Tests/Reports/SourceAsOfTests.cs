using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Tests.Reports;

public sealed class SourceAsOfTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(36);

    [Theory]
    [InlineData("usage_daily", 35, false)]
    [InlineData("usage_daily", 37, true)]
    [InlineData("tickets", 37, true)]
    [InlineData("accounts", 37, false)]      // an old newest account is normal: judged by the ingest
    [InlineData("subscriptions", 900, false)]
    public void FromStore_JudgesEventTablesByNewestRowAndReferenceTablesByIngest(string entity, int newestHoursAgo, bool stale)
    {
        var freshness = new SourceFreshness(entity, true, 10, Now.AddHours(-newestHoursAgo), Now.AddHours(-1));

        var asOf = SourceAsOf.FromStore(freshness, Now, StaleAfter);

        Assert.Equal(stale, asOf.IsStale);
        Assert.Equal(freshness.NewestDataAt, asOf.NewestData);
    }

    [Fact]
    public void FromStore_ReferenceTableNotIngestedForLong_IsStale()
    {
        var freshness = new SourceFreshness("accounts", true, 10, Now.AddDays(-1), Now.AddHours(-37));
        Assert.True(SourceAsOf.FromStore(freshness, Now, StaleAfter).IsStale);
    }
}
