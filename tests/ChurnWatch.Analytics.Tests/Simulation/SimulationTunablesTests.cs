using ChurnWatch.Analytics.Simulation;

namespace ChurnWatch.Analytics.Tests.Simulation;

public sealed class SimulationTunablesTests
{

    [Fact]
    public void Tunables_NotSet_Default()
    {
        Assert.Same(SimulationTunables.Default, new SampleCompanyOptions().Tunables);
    }

    [Fact]
    public void Generate_FrequentBudgetCuts_MoreAccountsChurn()
    {
        var none = Tunables(t => t with { Events = t.Events with { BudgetCutChancePerWeek = 0 } });
        var frequent = Tunables(t => t with { Events = t.Events with { BudgetCutChancePerWeek = 0.05 } });

        var (withCuts, withoutCuts) = (Churned(frequent), Churned(none));

        Assert.True(withCuts > withoutCuts, $"{withCuts} churned with frequent budget cuts, {withoutCuts} without.");
    }

    [Fact]
    public void Generate_HigherChurnPressure_MoreAccountsChurn()
    {
        var pressed = Tunables(t => t with
        {
            Churn = t.Churn with { AnnualBase = 0.3, MonthlyBase = 0.05 },
        });

        var (underPressure, byDefault) = (Churned(pressed), Churned(SimulationTunables.Default));

        Assert.True(underPressure > byDefault, $"{underPressure} churned under pressure, {byDefault} by default.");
    }

    [Fact]
    public void Generate_NoSmbShare_NoSmbAccounts()
    {
        var noSmb = Tunables(t => t with { SmbUpTo = 0.0 });

        var company = new SampleCompanyGenerator(Small(noSmb)).Generate();

        Assert.DoesNotContain(company.Accounts, a => a.Segment == SampleSegments.Smb);
        Assert.Contains(new SampleCompanyGenerator(Small(SimulationTunables.Default)).Generate().Accounts, a => a.Segment == SampleSegments.Smb);
    }

    private static SampleCompanyOptions Small(SimulationTunables tunables) =>
        new() { Accounts = 200, Months = 24, Seed = 11, End = new DateOnly(2026, 5, 1), Tunables = tunables };

    private static SimulationTunables Tunables(Func<SimulationTunables, SimulationTunables> change) => change(SimulationTunables.Default);

    /// <summary>Accounts whose every subscription has ended by the end of the window.</summary>
    private static int Churned(SimulationTunables tunables)
    {
        var company = new SampleCompanyGenerator(Small(tunables)).Generate();
        return company.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal).Count(g => g.All(s => s.EndedAt is not null));
    }
}
