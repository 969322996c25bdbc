using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Predictors;

/// <summary>Renewal anniversaries of contracts.</summary>
internal static class ContractCalendar
{
    /// <summary>True when the subscription is a contract that renews on a date.</summary>
    public static bool HasContract(Subscription subscription) => subscription.RenewalDate is not null;

    /// <summary>
    /// The first renewal anniversary on or after <paramref name="dayNumber"/>, or null for month-to-month.
    /// </summary>
    /// <remarks>
    /// Sources often overwrite <c>RenewalDate</c> in place when a contract renews, so today's value can lie years after
    /// an old observation date. Stepping along the contract's period grid from it gives the anniversary that was
    /// next at that date whether the source overwrites the field or starts a new subscription: no future leaks in.
    /// </remarks>
    public static int? NextRenewalDay(Subscription subscription, int dayNumber)
    {
        if (subscription.RenewalDate is not { } renewal)
        {
            return null;
        }

        var months = subscription.BillingPeriodMonths >= 1 ? subscription.BillingPeriodMonths : 12;
        var target = DateOnly.FromDayNumber(dayNumber);
        var anchor = renewal;
        if (anchor >= target)
        {
            // Step back while the previous anniversary is still on or after the date. Offsets from the anchor, not
            // repeated AddMonths, so month-end dates do not drift (Mar 31 -> Feb 28 -> Jan 28).
            var k = 0;
            while (renewal.AddMonths(-(k + 1) * months) >= target)
            {
                k++;
            }

            return renewal.AddMonths(-k * months).DayNumber;
        }

        var j = 1;
        while (renewal.AddMonths(j * months) < target)
        {
            j++;
        }

        return renewal.AddMonths(j * months).DayNumber;
    }
}
