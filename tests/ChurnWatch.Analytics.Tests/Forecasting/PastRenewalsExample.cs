using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Forecasting;

/// <summary>
/// Annual contracts around a forecast date of Monday 2025-03-03 with a 30-day grace period (window 2024-03-03 to
/// 2025-03-03), data as of 2025-06-01; one account per case, all SMB:
/// Early left on 2024-01-10 (settled before the window), Kept renewed on 2024-06-01 at a higher MRR (a new
/// subscription), Lost left on 2024-09-15, Overwritten runs since 2022-11-20 with its renewal date overwritten in place
/// to 2025-11-20 (renewed 2023-11-20, before the window, and 2024-11-20), Late left on 2025-02-15 (settled after the
/// date), Cancelled ended mid-term, Monthly has no contract.
/// </summary>
internal static class PastRenewalsExample
{
    public const int GraceDays = 30;
    public static readonly DateOnly ForecastDate = new(2025, 3, 3);
    public static readonly DateTime DataAsOf = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static CompanyHistory History() => Build(new HistoryBuilder());

    /// <summary>The example's accounts and contracts added to <paramref name="builder"/>, built as of <see cref="DataAsOf"/>.</summary>
    public static CompanyHistory Build(HistoryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Account("Early").Subscription("Early", Day(2023, 1, 10), Day(2024, 1, 10), mrr: 70, renewal: new DateOnly(2024, 1, 10), periodMonths: 12)
            .Account("Kept").Subscription("Kept", Day(2023, 6, 1), Day(2024, 6, 1), mrr: 100, renewal: new DateOnly(2024, 6, 1), periodMonths: 12)
            .Subscription("Kept", Day(2024, 6, 1), null, mrr: 150, renewal: new DateOnly(2025, 6, 1), periodMonths: 12)
            .Account("Lost").Subscription("Lost", Day(2023, 9, 15), Day(2024, 9, 15), mrr: 50, renewal: new DateOnly(2024, 9, 15), periodMonths: 12)
            .Account("Overwritten").Subscription("Overwritten", Day(2022, 11, 20), null, mrr: 200, renewal: new DateOnly(2025, 11, 20), periodMonths: 12)
            .Account("Late").Subscription("Late", Day(2024, 2, 15), Day(2025, 2, 15), mrr: 80, renewal: new DateOnly(2025, 2, 15), periodMonths: 12)
            .Account("Cancelled").Subscription("Cancelled", Day(2024, 2, 1), Day(2024, 8, 1), mrr: 90, renewal: new DateOnly(2025, 2, 1), periodMonths: 12)
            .Account("Monthly").Subscription("Monthly", Day(2023, 1, 1), null, mrr: 40)
            .Build(DataAsOf);
    }

    /// <summary>The builder's day number of a date (days after <see cref="HistoryBuilder.Day0"/>, negative before it).</summary>
    public static int Day(int year, int month, int day) => new DateOnly(year, month, day).DayNumber - HistoryBuilder.Day0.DayNumber;
}
