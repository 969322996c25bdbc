using ChurnWatch.Worker.Dashboard;

namespace ChurnWatch.Worker.Tests.Dashboard;

public sealed class AccountFilterTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static readonly AccountSummary[] Accounts =
    [
        new("A1", "Alpha", "ann@example.com", "SMB", 12_000, 0.50, "High", new DateOnly(2026, 3, 20), ["GoneDark"]),
        new("A2", "Beta", "bob@example.com", "Enterprise", 120_000, 0.10, "Medium", new DateOnly(2026, 9, 1), []),
        new("A3", "Gamma", "ann@example.com", "MidMarket", 60_000, 0.05, "Low", null, ["BillingRisk", "GoneDark"]),
        new("A4", "Delta", "ann@example.com", "SMB", 0, null, null, null, []),
    ];

    private static List<string> Ids(string query) =>
        AccountFilter.Parse(k => System.Web.HttpUtility.ParseQueryString(query)[k]).Apply(Accounts, Today).Select(a => a.AccountId).ToList();

    [Theory]
    [InlineData("", new[] { "A2", "A1", "A3", "A4" })] // risk x ARR: 12,000, 6,000, 3,000, 0
    [InlineData("sort=churn", new[] { "A1", "A2", "A3", "A4" })]
    [InlineData("sort=arr", new[] { "A2", "A3", "A1", "A4" })]
    [InlineData("sort=renewal", new[] { "A1", "A2", "A3", "A4" })]
    [InlineData("sort=nonsense", new[] { "A2", "A1", "A3", "A4" })]
    public void Apply_Sort_OrdersAsAsked(string query, string[] expected)
    {
        Assert.Equal(expected, Ids(query));
    }

    [Theory]
    [InlineData("owner=ANN@example.com", new[] { "A1", "A3", "A4" })]
    [InlineData("band=high", new[] { "A1" })]
    [InlineData("kind=GoneDark", new[] { "A1", "A3" })]
    [InlineData("renewal=30", new[] { "A1" })]
    [InlineData("renewal=365", new[] { "A2", "A1" })]
    [InlineData("owner=ann@example.com&kind=BillingRisk", new[] { "A3" })]
    [InlineData("renewal=-5", new[] { "A2", "A1", "A3", "A4" })]
    public void Apply_Filters_KeepOnlyMatchingAccounts(string query, string[] expected)
    {
        Assert.Equal(expected, Ids(query));
    }
}
