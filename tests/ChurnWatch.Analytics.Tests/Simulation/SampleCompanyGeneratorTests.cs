using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Tests.Simulation;

public sealed class SampleCompanyGeneratorTests
{
    private static readonly SampleCompanyOptions Small = new() { Accounts = 120, Months = 12, Seed = 3, End = new DateOnly(2026, 5, 1) };

    [Fact]
    public void Generate_SameOptions_IdenticalOutput()
    {
        var first = SampleCompanyDigest.Of(new SampleCompanyGenerator(Small).Generate());
        var second = SampleCompanyDigest.Of(new SampleCompanyGenerator(Small).Generate());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentOutput()
    {
        var first = SampleCompanyDigest.Of(new SampleCompanyGenerator(Small).Generate());
        var other = SampleCompanyDigest.Of(new SampleCompanyGenerator(new SampleCompanyOptions
        {
            Accounts = Small.Accounts, Months = Small.Months, Seed = Small.Seed + 1, End = Small.End,
        }).Generate());

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void UsageEvents_EnumeratedTwice_SameSequence()
    {
        var company = new SampleCompanyGenerator(Small).Generate();

        var first = company.UsageEvents.ToList();
        var second = company.UsageEvents.ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_MoreAccounts_KeepsTheFirstAccountsUnchanged()
    {
        // Each account draws from its own seed, so adding accounts never changes the ones already there.
        var small = new SampleCompanyGenerator(Small).Generate();
        var larger = new SampleCompanyGenerator(new SampleCompanyOptions
        {
            Accounts = Small.Accounts + 30, Months = Small.Months, Seed = Small.Seed, End = Small.End,
        }).Generate();

        Assert.Equal(
            small.Subscriptions,
            larger.Subscriptions.Where(s => small.Accounts.Any(a => a.AccountId == s.AccountId)));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SampleCompanyGenerator(new SampleCompanyOptions { Accounts = 0 }));
}
