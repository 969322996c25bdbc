using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Labels;

/// <summary>The renewal target: will an account with a contract fail to renew at its next renewal date?</summary>
public static class RenewalLabel
{
    /// <summary>Name of the target in reports and model metadata (positive = not renewed).</summary>
    public const string TargetName = "non_renewal";

    /// <summary>The next renewal day (anniversary on or after D) over the contracts active at D, or null without one.</summary>
    public static DateOnly? NextRenewal(IEnumerable<Subscription> subscriptions, DateOnly observation)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var at = ChurnLabel.Instant(observation);
        int? next = null;
        foreach (var s in subscriptions)
        {
            if (s.IsActiveAt(at) && ContractCalendar.NextRenewalDay(s, observation.DayNumber) is { } r)
            {
                next = next is null ? r : Math.Min(next.Value, r);
            }
        }

        return next is { } n ? DateOnly.FromDayNumber(n) : null;
    }

    /// <summary>
    /// True when the account is not a customer at renewal date + grace (not renewed), false when it is, null when the
    /// observation has no contract renewing within <paramref name="windowDays"/> or the outcome is not knowable yet
    /// (renewal + grace after <paramref name="dataAsOf"/>).
    /// </summary>
    public static bool? At(IReadOnlyList<Subscription> subscriptions, DateOnly observation, int windowDays, int graceDays, DateTime dataAsOf)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        if (NextRenewal(subscriptions, observation) is not { } renewal || renewal.DayNumber - observation.DayNumber > windowDays)
        {
            return null;
        }

        var decided = ChurnLabel.Instant(renewal).AddDays(graceDays);
        if (decided > dataAsOf)
        {
            return null;
        }

        foreach (var s in subscriptions)
        {
            if (s.IsActiveAt(decided))
            {
                return false;
            }
        }

        return true;
    }
}
