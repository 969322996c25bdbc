using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Predictors;

/// <summary>
/// What every batch of a company's accounts shares, so predictors computed one batch at a time have the same columns
/// and the same calendar as predictors computed for the whole company at once: the product features seen in usage with
/// their event totals, the first usage day, the weekly grid, the first subscription start and the data's as-of instant.
/// </summary>
/// <remarks>
/// A store computes it from aggregate queries (<see cref="ShapeFacts"/>) without reading the usage rows into memory;
/// <see cref="Of"/> computes it the same way from a history held in memory.
/// </remarks>
/// <param name="FeatureEvents">Events per raw product feature over the whole history (the all-features row excluded).</param>
/// <param name="UsageStartDay">The first day with daily usage, as a day number; null without usage.</param>
/// <param name="FirstWeekStart">The first Monday of the weekly active-user rows (all features); null without them.</param>
/// <param name="LastWeekStart">The last Monday of those rows; null without them.</param>
/// <param name="FirstStartDay">The first subscription start, as a day number; null without subscriptions.</param>
/// <param name="DataAsOf">The newest instant the data covers.</param>
/// <param name="LicensesSeats">
/// Whether the company sells seats: some subscription or account has more than one. When none has, a seat count says
/// nothing (every account has 1, or the source fills in a placeholder), so the seat predictors are missing and the seat
/// saturation signal is off, rather than reading every active user past the first as "over the licence".
/// </param>
public sealed record CompanyShape(
    IReadOnlyDictionary<string, long> FeatureEvents,
    int? UsageStartDay,
    int? FirstWeekStart,
    int? LastWeekStart,
    int? FirstStartDay,
    DateTime DataAsOf,
    bool LicensesSeats)
{
    /// <summary>The shape of a history held in memory: the same computation as a store's, from its records.</summary>
    public static CompanyShape Of(CompanyHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new ShapeFacts(
            history.UsageDays.Where(d => d.Feature != UsageWeek.AllFeatures).Select(d => (d.Feature, d.Day, d.Events)),
            history.UsageWeeks.Where(w => w.Feature == UsageWeek.AllFeatures).Select(w => w.WeekStart),
            history.Subscriptions.Select(s => s.StartedAt),
            ShapeFacts.FirstSeatsAt(
                history.Subscriptions.Where(s => s.Seats > 1).Select(s => s.StartedAt),
                history.Accounts.Where(a => a.SeatsLicensed > 1).Select(a => a.CreatedAt)),
            history.DataAsOf).At();
    }

    /// <summary>The first day with any data (usage, else the first subscription start), or null without either.</summary>
    public int? FirstDataDay => UsageStartDay ?? FirstStartDay;
}
