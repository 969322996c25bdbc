using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Analytics.Tests.TestData;
using static ChurnWatch.Analytics.Tests.TestData.HistoryBuilder;

namespace ChurnWatch.Analytics.Tests.Predictors;

public class PredictorBuilderTests
{
    private const int D = 112; // 2024-04-22, a Monday
    private static readonly PredictorSettings Settings = new(["reports", "api", "exports"], ["Starter", "Team", "Business", "Enterprise"]);

    internal static HistoryBuilder Example() => new HistoryBuilder()
        .Account("a", seatsLicensedToday: 999)
        .Subscription("a", 0, null, mrr: 100, seats: 10, plan: "Team")
        .Usage("a", "api", 50, 40)
        .Usage("a", "reports", 100, 10)
        .Usage("a", "reports", 111, 5)
        .Usage("a", "reports", D, 1000)
        .Ticket("a", At(100), null, TicketPriority.Urgent)
        .Ticket("a", At(90), null, TicketPriority.Urgent)
        .Ticket("a", At(60), At(70), tier: SupportTier.L3, slaBreached: true, csat: 4)
        .Ticket("a", At(100), At(104), tier: SupportTier.L2, csat: 2)
        .Ticket("a", At(110), At(120), tier: SupportTier.L3, slaBreached: true)
        .Invoice("a", At(50), At(67), null)
        .Invoice("a", At(80), At(94), At(100), "paid")
        .Invoice("a", At(100), At(105), At(115), "paid")
        .Invoice("a", At(120), At(130), null)
        .Payment("a", At(30), false)
        .Payment("a", At(10), false)
        .Payment("a", At(100), true)
        .Payment("a", At(113), false)
        .WithWeeks("a", firstMonday: 28, lastMonday: 77, users: 24)
        .WithWeeks("a", firstMonday: 84, lastMonday: 105, users: 7)
        .Week("a", D, 50);

    private static AccountPredictors Compute(CompanyHistory history, string account = "a", int day = D) =>
        new PredictorBuilder(CompanyTimeline.Build(history), Settings).Compute(account, Date(day))!;

    [Fact]
    public void Compute_HandMadeHistory_GivesExactValues()
    {
        var f = Compute(Example().Build(At(200)));

        Assert.Equal(112, f[PredictorNames.TenureDays]);
        Assert.Equal(100, f[PredictorNames.Mrr]);
        Assert.Equal(0, f[PredictorNames.MrrChange90d]);
        Assert.Equal(2, f[PredictorNames.PlanTier]);
        Assert.Equal(0, f[PredictorNames.AnnualContract]);
        Assert.Equal(10, f[PredictorNames.Seats]);
        Assert.True(double.IsNaN(f[PredictorNames.DaysToRenewal]));
        Assert.Equal(7, f[PredictorNames.Wau4w]);
        Assert.Equal(24, f[PredictorNames.WauPrev8w]);
        Assert.Equal((7 - 24) / 24.0, f[PredictorNames.WauChange], 12);
        Assert.Equal(0.7, f[PredictorNames.SeatUtilisation], 12);
        Assert.Equal(15, f[PredictorNames.Events28d]);
        Assert.Equal(15 / 7.0, f[PredictorNames.EventsPerUser28d], 12);
        // Prior window: days 50 (first usage data) to 84, 40 events over 34 days, as a 28-day rate.
        var prior = 40 * 28 / 34.0;
        Assert.Equal((15 - prior) / prior, f[PredictorNames.EventsChange], 12);
        Assert.Equal(1, f[PredictorNames.FeatureBreadth28d]);
        Assert.Equal(15, f["usage_reports_28d"]);
        Assert.Equal(0, f["usage_api_28d"]);
        Assert.Equal(1, f[PredictorNames.DaysSinceLastActivity]);
        Assert.Equal(50, f[PredictorNames.DaysToFirstKeyFeature]);
        Assert.Equal(2, f[PredictorNames.KeyFeaturesAdopted]);

        Assert.Equal(5, f[PredictorNames.TicketsOpened90d]);
        Assert.Equal(3, f[PredictorNames.TicketsOpen]);
        Assert.Equal(2, f[PredictorNames.UrgentOpen]);
        Assert.Equal(1, f[PredictorNames.UrgentOpenOver14d]);
        Assert.Equal(1, f[PredictorNames.SlaBreached90d]);
        Assert.Equal(7, f[PredictorNames.MedianDaysToResolve180d]);
        Assert.Equal(3, f[PredictorNames.MaxTier90d]);
        Assert.Equal(3, f[PredictorNames.CsatAvg180d]);
        Assert.Equal(2, f[PredictorNames.InvoicesPastDue]);
        Assert.Equal(45, f[PredictorNames.MaxDaysOverdue]);
        Assert.Equal(1, f[PredictorNames.FailedPayments90d]);
    }

    [Fact]
    public void Compute_AnnualContractWithOverwrittenRenewalDate_UsesAnniversaryNextAtD()
    {
        // The source overwrote the renewal date to 2026-01-01; at D the next one was 2025-01-01.
        var history = new HistoryBuilder().Account("a")
            .Subscription("a", 0, null, renewal: new DateOnly(2026, 1, 1), periodMonths: 12)
            .Build(At(800));

        var f = Compute(history);

        Assert.Equal(new DateOnly(2025, 1, 1).DayNumber - Date(D).DayNumber, f[PredictorNames.DaysToRenewal]);
        Assert.Equal(1, f[PredictorNames.AnnualContract]);
    }

    [Fact]
    public void Compute_OptionalEntitiesNotProvided_AreNaN()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, null).Usage("a", "reports", 100, 3).Build(At(200));

        var f = Compute(history);

        Assert.All(PredictorCatalog.Core.Where(d => d.IsFromOptionalEntity), d => Assert.True(double.IsNaN(f[d.Name]), d.Name));
        Assert.Equal(3, f[PredictorNames.Events28d]);
    }

    [Fact]
    public void Compute_OptionalEntitiesProvidedButEmpty_AreZeroWhereCounts()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, null).WithEmptyOptionalEntities().Build(At(200));

        var f = Compute(history);

        Assert.Equal(0, f[PredictorNames.TicketsOpen]);
        Assert.Equal(0, f[PredictorNames.InvoicesPastDue]);
        Assert.Equal(0, f[PredictorNames.FailedPayments90d]);
        // No resolved ticket: the median and CSAT have no value, which is not zero.
        Assert.True(double.IsNaN(f[PredictorNames.MedianDaysToResolve180d]));
        Assert.True(double.IsNaN(f[PredictorNames.CsatAvg180d]));
    }

    [Fact]
    public void Compute_SeatsComeFromSubscriptionsActiveAtD_NotTodaysLicence()
    {
        var history = new HistoryBuilder().Account("a", seatsLicensedToday: 500)
            .Subscription("a", 0, 100, seats: 10)
            .Subscription("a", 100, 150, seats: 20)
            .Subscription("a", 150, null, seats: 500)
            .Build(At(300));

        Assert.Equal(20, Compute(history)[PredictorNames.Seats]);
    }

    [Fact]
    public void Compute_CompanySellsNoSeats_SeatPredictorsAreMissingAndSeatSaturationIsOff()
    {
        // One seat on every subscription and account (the placeholder of a product without seats), three weekly users.
        var oneSeat = new HistoryBuilder().Account("a", seatsLicensedToday: 1).Account("b", seatsLicensedToday: 1)
            .Subscription("a", 0, null, seats: 1).Subscription("b", 0, null, seats: 1)
            .WithWeeks("a", firstMonday: 0, lastMonday: 280, users: 3)
            .Build(At(300));
        var sold = new HistoryBuilder().Account("a", seatsLicensedToday: 1).Account("b", seatsLicensedToday: 1)
            .Subscription("a", 0, null, seats: 1).Subscription("b", 200, null, seats: 5)
            .WithWeeks("a", firstMonday: 0, lastMonday: 280, users: 3)
            .Build(At(300));

        Assert.False(CompanyShape.Of(oneSeat).LicensesSeats);
        Assert.True(double.IsNaN(Compute(oneSeat)[PredictorNames.Seats]));
        Assert.True(double.IsNaN(Compute(oneSeat)[PredictorNames.SeatUtilisation]));
        Assert.Equal(0, AccountActivityBuilder.Build(oneSeat, Date(D), []).Single(x => x.AccountId == "a").Seats);
        // A company that sells seats keeps them, for the one-seat account too; and only from when it first sold more than one.
        Assert.True(CompanyShape.Of(sold).LicensesSeats);
        Assert.Equal(1, Compute(sold)[PredictorNames.Seats]);
        Assert.Equal(3, Compute(sold)[PredictorNames.SeatUtilisation]);
        Assert.False(CompanyShape.Of(ChurnWatch.Analytics.Forecasting.HistoryCut.At(sold, At(200))).LicensesSeats);
        Assert.True(CompanyShape.Of(ChurnWatch.Analytics.Forecasting.HistoryCut.At(sold, At(201))).LicensesSeats);
    }

    [Fact]
    public void Compute_NotActiveAtD_ReturnsNull()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, 100).Build(At(300));

        Assert.Null(new PredictorBuilder(CompanyTimeline.Build(history), Settings).Compute("a", Date(D)));
    }

    [Fact]
    public void Compute_DataAfterD_LeavesPredictorsUnchanged()
    {
        var baseline = Compute(Example().Build(At(200)));

        // Everything here happens at or after D, or is a current-state field the builder must not read.
        var history = Example()
            .Usage("a", "exports", D + 1, 77)
            .Usage("a", "reports", D + 3, 5)
            .Week("a", D + 7, 99)
            .Subscription("a", D + 20, null, mrr: 900, seats: 90, plan: "Enterprise")
            .Ticket("a", At(D), null, TicketPriority.Urgent)
            .Ticket("a", At(D + 2), At(D + 3), tier: SupportTier.L3, slaBreached: true, csat: 1)
            .Invoice("a", At(D), At(D + 1), null)
            .Payment("a", At(D), false)
            .Build(At(400));
        var changed = history with
        {
            Accounts = [history.Accounts[0] with { SeatsLicensed = 1 }],
            // The running subscription ends after D, with a different AutoRenew: only "still active at D" may be read.
            Subscriptions = [history.Subscriptions[0] with { EndedAt = At(D + 10), AutoRenew = false }, .. history.Subscriptions.Skip(1)],
            // The ticket open at D gets resolved later, and the one resolved after D changes its flags.
            Tickets = history.Tickets!.Select(t => t.OpenedAt == At(100) && t.ResolvedAt is null ? t with { ResolvedAt = At(D + 1) }
                : t.ResolvedAt == At(120) ? t with { SlaBreached = false, Tier = SupportTier.L1 } : t).ToArray(),
            Invoices = history.Invoices!.Select(i => i with { Status = "void", PaidAt = i.PaidAt ?? At(D + 5) }).ToArray(),
        };

        var after = Compute(changed);

        // A product feature first used after D adds a column (the schema follows the whole history), worth 0 at D.
        Assert.Equal(baseline.Names.Append("usage_exports_28d").Order(StringComparer.Ordinal), after.Names.Order(StringComparer.Ordinal));
        Assert.Equal(0, after["usage_exports_28d"]);
        foreach (var name in baseline.Names)
        {
            Assert.Equal(baseline[name], after[name]);
        }
    }

    [Fact]
    public void Compute_SyntheticHistoryTruncatedAtD_EqualsFullHistory()
    {
        var full = SyntheticCompany.Generate(accounts: 60, days: 400, seed: 7);
        var d = SyntheticCompany.Start.AddDays(280);
        var cut = SyntheticCompany.Instant(d);
        var truncated = new CompanyHistory(
            full.Accounts,
            full.Subscriptions.Where(s => s.StartedAt <= cut).Select(s => s.EndedAt > cut ? s with { EndedAt = null } : s).ToArray(),
            full.UsageDays.Where(u => u.Day < d).ToArray(),
            full.UsageWeeks.Where(w => w.WeekStart.AddDays(7) <= d).ToArray(),
            full.Tickets!.Where(t => t.OpenedAt < cut).Select(t => t.ResolvedAt >= cut ? t with { ResolvedAt = null } : t).ToArray(),
            full.Invoices!.Where(i => i.IssuedAt < cut).Select(i => i.PaidAt >= cut ? i with { PaidAt = null, Status = "open" } : i).ToArray(),
            full.PaymentAttempts!.Where(p => p.AttemptedAt < cut).ToArray(),
            cut);

        var settings = new PredictorSettings(["reports", "dashboards", "exports"], ["Starter", "Team", "Business", "Enterprise"]);
        var expected = new PredictorBuilder(CompanyTimeline.Build(full), settings).ComputeAll(d);
        var actual = new PredictorBuilder(CompanyTimeline.Build(truncated), settings).ComputeAll(d);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.AccountId), actual.Select(a => a.AccountId));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Values, actual[i].Values);
        }
    }

    [Fact]
    public void ToDictionary_MissingValues_AreNull()
    {
        var history = new HistoryBuilder().Account("a").Subscription("a", 0, null).Build(At(200));

        var values = Compute(history).ToDictionary();

        Assert.Null(values[PredictorNames.TicketsOpen]);
        Assert.Equal(100, values[PredictorNames.Mrr]);
        Assert.Equal(PredictorCatalog.Core.Select(c => c.Name), values.Keys);
    }
}
