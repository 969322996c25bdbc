using ChurnWatch.Worker.Pipeline;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed partial class CsvDropIngestionTests
{
    [Fact]
    public async Task RunAsync_AccountWithoutOwner_IsStoredAsGivenAndTheBookGivesItToTheUnassignedOwner()
    {
        using var drops = await CsvDropFixture.CreateAsync();
        drops.Drop("accounts", "accounts.csv",
            """
            account_id,name,owner_email,segment,region,created_at,seats_licensed
            A1,Acme,,Self-serve,EMEA,2025-01-06T09:00:00Z,1
            A2,Globex,ben@vendor.test,Strategic,NA,2025-02-03T09:00:00Z,50
            """);
        drops.Drop("subscriptions", "subscriptions.csv",
            """
            subscription_id,account_id,plan,mrr,currency,billing_period_months,started_at,ended_at,renewal_date,auto_renew,seats
            S1,A1,Team,450,USD,1,2025-01-06T09:00:00Z,,,true,
            S2,A2,Business,4000,USD,12,2025-02-03T09:00:00Z,,2026-02-03,true,50
            """);
        drops.Drop("usage_events", "usage.csv",
            """
            account_id,user_id,feature,occurred_at,quantity
            A1,u1,dashboards,2025-06-01T10:00:00Z,1
            """);

        var summary = await drops.RunAsync();
        var history = await drops.Store.LoadAsync(CancellationToken.None);
        var book = AccountBook.AsOf(history, new DateOnly(2025, 6, 2), "cs-team@vendor.test");

        Assert.All(summary.Files, f => Assert.Equal(0, f.Rejected));
        // The store keeps the source's value; only the book, which reports and signals read, fills in the owner.
        Assert.Equal(string.Empty, history.Accounts.Single(a => a.AccountId == "A1").OwnerEmail);
        Assert.Equal("cs-team@vendor.test", book["A1"].Account.OwnerEmail);
        Assert.Equal("ben@vendor.test", book["A2"].Account.OwnerEmail);
        // Segments are whatever the company calls them.
        Assert.Equal(["Self-serve", "Strategic"], book.Active.Select(p => p.Account.Segment).Order(StringComparer.Ordinal));
    }
}
