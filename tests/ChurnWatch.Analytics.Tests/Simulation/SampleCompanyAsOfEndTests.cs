namespace ChurnWatch.Analytics.Tests.Simulation;

/// <summary>Nothing in the sample records the future: every event is before the end and open things are open.</summary>
public sealed class SampleCompanyAsOfEndTests(SampleCompanyFixture fixture) : IClassFixture<SampleCompanyFixture>
{
    private DateTime End => fixture.End;

    [Fact]
    public void Generate_EveryEventTimestamp_IsBeforeEnd()
    {
        var company = fixture.Company;
        Assert.All(company.Accounts, a => Assert.True(a.CreatedAt < End));
        Assert.All(company.Subscriptions, s => Assert.True(s.StartedAt < End && (s.EndedAt is null || s.EndedAt < End)));
        Assert.All(company.Tickets, t => Assert.True(t.OpenedAt < End && (t.ResolvedAt is null || t.ResolvedAt < End)));
        Assert.All(company.Invoices, i => Assert.True(i.IssuedAt < End && (i.PaidAt is null || i.PaidAt < End)));
        Assert.All(company.PaymentAttempts, p => Assert.True(p.AttemptedAt < End));
        Assert.All(fixture.Events, e => Assert.True(e.OccurredAt < End));
    }

    [Fact]
    public void Generate_UnpaidInvoices_AreOpenOrVoidWithoutPaidAt()
    {
        Assert.All(fixture.Company.Invoices, i =>
        {
            Assert.True(i.Status is "open" or "paid" or "void", i.Status);
            Assert.Equal(i.Status == "paid", i.PaidAt is not null);
        });
        Assert.Contains(fixture.Company.Invoices, i => i.Status == "open");
    }

    [Fact]
    public void Generate_UnresolvedTickets_HaveNoCsat()
    {
        Assert.All(fixture.Company.Tickets.Where(t => t.ResolvedAt is null), t => Assert.Null(t.Csat));
        Assert.Contains(fixture.Company.Tickets, t => t.ResolvedAt is null);
    }

    [Fact]
    public void Generate_ActiveAccounts_HaveOneOpenSubscriptionAndItsSeats()
    {
        foreach (var account in fixture.Company.Accounts)
        {
            var subscriptions = fixture.SubscriptionsByAccount[account.AccountId];
            var open = subscriptions.Where(s => s.EndedAt is null).ToList();
            Assert.True(open.Count <= 1, account.AccountId);
            Assert.Equal(open.Count == 1 ? open[0].Seats : 0, account.SeatsLicensed);
        }
    }

    [Fact]
    public void Generate_SuccessfulAttemptOfPaidInvoice_IsAtPaidAt()
    {
        var paid = fixture.Company.Invoices.Where(i => i.PaidAt is not null).ToDictionary(i => i.InvoiceId);
        var successes = fixture.Company.PaymentAttempts.Where(p => p.Succeeded).ToList();

        Assert.All(successes, p => Assert.Equal(paid[p.InvoiceId].PaidAt, p.AttemptedAt));
        Assert.Equal(paid.Count, successes.Count);
    }
}
