using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Tests.Simulation;

public sealed class SampleCompanyInvariantTests(SampleCompanyFixture fixture) : IClassFixture<SampleCompanyFixture>
{
    [Fact]
    public void Generate_Subscriptions_EndAfterTheyStartAndChainWithoutOverlap()
    {
        foreach (var (accountId, subscriptions) in fixture.SubscriptionsByAccount)
        {
            for (var i = 0; i < subscriptions.Count; i++)
            {
                var s = subscriptions[i];
                Assert.True(s.EndedAt is null || s.EndedAt > s.StartedAt, s.SubscriptionId);
                Assert.True(s.Mrr > 0 && s.Seats > 0, s.SubscriptionId);
                if (i > 0)
                {
                    // An expansion, contraction or renewal ends one subscription and starts the next the same instant.
                    Assert.Equal(subscriptions[i - 1].EndedAt, s.StartedAt);
                }
            }

            Assert.All(subscriptions.SkipLast(1), s => Assert.NotNull(s.EndedAt));
            Assert.Equal(accountId, Assert.Single(subscriptions.Select(s => s.AccountId).Distinct()));
        }
    }

    [Fact]
    public void Generate_Churn_HappensAtRenewalOrMonthBoundary()
    {
        var churned = 0;
        foreach (var (accountId, subscriptions) in fixture.SubscriptionsByAccount)
        {
            var last = subscriptions[^1];
            if (last.EndedAt is not { } endedAt)
            {
                continue;
            }

            churned++;
            if (last.BillingPeriodMonths == 12)
            {
                Assert.Equal(last.RenewalDate!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), endedAt);
            }
            else
            {
                var anchor = subscriptions[0].StartedAt;
                var months = ((endedAt.Year - anchor.Year) * 12) + endedAt.Month - anchor.Month;
                Assert.Equal(anchor.AddMonths(months), endedAt);
            }

            Assert.Equal(0, fixture.Company.Accounts.Single(a => a.AccountId == accountId).SeatsLicensed);
        }

        Assert.True(churned > 0);
    }

    [Fact]
    public void Generate_UsageEvents_PositiveAndInsideTheAccountsLife()
    {
        var lives = fixture.SubscriptionsByAccount.ToDictionary(
            p => p.Key, p => (Start: p.Value[0].StartedAt, End: p.Value[^1].EndedAt ?? fixture.End));

        Assert.All(fixture.Events, e =>
        {
            Assert.True(e.Quantity > 0);
            Assert.InRange(e.OccurredAt, lives[e.AccountId].Start, lives[e.AccountId].End.AddTicks(-1));
            Assert.StartsWith(e.AccountId + "-U", e.UserId, StringComparison.Ordinal);
            Assert.Contains(e.Feature, SampleFeatures.All);
        });
        Assert.Equal(SampleFeatures.All.Count, fixture.Events.Select(e => e.Feature).Distinct().Count());
    }

    [Fact]
    public void Generate_WeeklyActiveUsers_NeverExceedSeats()
    {
        foreach (var (accountId, weeks) in fixture.WeeklyUsers)
        {
            var subscriptions = fixture.SubscriptionsByAccount[accountId];
            foreach (var (week, users) in weeks)
            {
                var from = week.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var seats = subscriptions.Where(s => s.StartedAt < from.AddDays(7) && (s.EndedAt is null || s.EndedAt > from)).Max(s => s.Seats!.Value);
                Assert.True(users.Count <= seats, $"{accountId} week {week}: {users.Count} users, {seats} seats");
            }
        }
    }

    [Fact]
    public void Generate_Tickets_ResolveAfterOpeningWithCsatOneToFive()
    {
        Assert.All(fixture.Company.Tickets, t =>
        {
            Assert.True(t.ResolvedAt is null || t.ResolvedAt > t.OpenedAt, t.TicketId);
            Assert.True(t.Csat is null or >= 1 and <= 5, t.TicketId);
        });
        Assert.Equal(4, fixture.Company.Tickets.Select(t => t.Priority).Distinct().Count());
        Assert.Equal(3, fixture.Company.Tickets.Select(t => t.Tier).Distinct().Count());
    }

    [Fact]
    public void Generate_Accounts_AboutOneManagerPer150To250AccountsAndMoreCreatedEarly()
    {
        var accounts = fixture.Company.Accounts;
        var managers = accounts.Select(a => a.OwnerEmail).Distinct().Count();
        var midpoint = fixture.Options.WindowStart + ((fixture.End - fixture.Options.WindowStart) / 2);

        Assert.InRange(managers, (int)Math.Ceiling(accounts.Count / 250.0), (int)Math.Floor(accounts.Count / 150.0));
        Assert.All(accounts, a => Assert.Contains("@", a.OwnerEmail, StringComparison.Ordinal));
        Assert.Equal(accounts.Count, accounts.Select(a => a.Name).Distinct().Count());
        Assert.True(accounts.Count(a => a.CreatedAt < midpoint) > accounts.Count(a => a.CreatedAt >= midpoint));
        Assert.All(accounts, a => Assert.True(a.CreatedAt >= fixture.Options.WindowStart));
    }

    [Fact]
    public void Generate_PaymentAttempts_ReferToInvoicesOfTheSameAccount()
    {
        var invoices = fixture.Company.Invoices.ToDictionary(i => i.InvoiceId);

        Assert.All(fixture.Company.PaymentAttempts, p => Assert.Equal(invoices[p.InvoiceId].AccountId, p.AccountId));
        Assert.Contains(fixture.Company.PaymentAttempts, p => !p.Succeeded && p.FailureReason is not null);
    }
}
