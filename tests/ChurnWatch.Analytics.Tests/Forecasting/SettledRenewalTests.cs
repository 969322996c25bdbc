using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Forecasting;

public sealed class SettledRenewalTests
{
    [Fact]
    public void All_Contracts_OneRenewalPerAnniversaryWhoseOutcomeIsKnown()
    {
        var renewals = SettledRenewal.All(PastRenewalsExample.History(), PastRenewalsExample.GraceDays);

        // Ordinal by account, then by date. Kept's new subscription starts on the renewal it came from (not a second
        // one) and its 2025-06-01 anniversary settles after the data; Cancelled ended before its anniversary; Monthly
        // has no contract; Overwritten's 2025-11-20 is still to come.
        Assert.Equal(
            [
                ("Early", new DateOnly(2024, 1, 10), 12 * 70m, false),
                ("Kept", new DateOnly(2024, 6, 1), 12 * 100m, true),
                ("Late", new DateOnly(2025, 2, 15), 12 * 80m, false),
                ("Lost", new DateOnly(2024, 9, 15), 12 * 50m, false),
                ("Overwritten", new DateOnly(2023, 11, 20), 12 * 200m, true),
                ("Overwritten", new DateOnly(2024, 11, 20), 12 * 200m, true),
            ],
            renewals.Select(r => (r.AccountId, r.RenewalDate, r.Arr, r.Renewed)));
        Assert.All(renewals, r => Assert.Equal(r.RenewalDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(30), r.SettledAt));
        Assert.All(renewals, r => Assert.Equal("SMB", r.Segment));
    }

    [Fact]
    public void All_RenewalWithinTheGracePeriodOfTheData_IsNotSettled()
    {
        // Late's renewal on 2025-02-15 settles on 2025-03-17: with the data ending the day before, it is unknown.
        var history = PastRenewalsExample.History() with { DataAsOf = new DateTime(2025, 3, 16, 0, 0, 0, DateTimeKind.Utc) };

        var renewals = SettledRenewal.All(history, PastRenewalsExample.GraceDays);

        Assert.DoesNotContain(renewals, r => r.AccountId == "Late");
        Assert.Contains(renewals, r => r.AccountId == "Overwritten" && r.RenewalDate == new DateOnly(2024, 11, 20));
    }

    [Fact]
    public void All_PlanChangeMidTerm_TheAnniversaryCountsOnceAtTheArrRunningUpToIt()
    {
        var renewal = new DateOnly(2025, 1, 1);
        var history = new HistoryBuilder().Account("A")
            .Subscription("A", PastRenewalsExample.Day(2024, 1, 1), PastRenewalsExample.Day(2024, 7, 1), mrr: 100, renewal: renewal, periodMonths: 12)
            .Subscription("A", PastRenewalsExample.Day(2024, 7, 1), null, mrr: 130, renewal: renewal, periodMonths: 12)
            .Build(PastRenewalsExample.DataAsOf);

        var settled = Assert.Single(SettledRenewal.All(history, 30));

        Assert.Equal((renewal, 12 * 130m, true), (settled.RenewalDate, settled.Arr, settled.Renewed));
    }
}
