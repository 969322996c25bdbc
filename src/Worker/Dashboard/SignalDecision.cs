using System.Globalization;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Checks an acknowledge or snooze form the way <c>churnwatch signals ack|snooze</c> checks its options, with the
/// same sentences (naming the form field instead of the option), before anything changes.
/// </summary>
internal static class SignalDecision
{
    /// <summary>The trimmed reason and the snooze date (null to acknowledge), or the error to show.</summary>
    public static (string Reason, DateOnly? Until, string? Error) Check(string? reasonText, bool snooze, string? untilText, DateOnly today)
    {
        var reason = reasonText?.Trim() ?? "";
        if (reason.Length == 0)
        {
            return (reason, null, "Reason is empty: say in a few words why (it is kept with the signal's history).");
        }

        if (!snooze)
        {
            return (reason, null, null);
        }

        if (!DateOnly.TryParseExact(untilText?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            return (reason, null, $"Until: '{untilText}' is not a date; write it as YYYY-MM-DD, for example 2027-01-31.");
        }

        return until <= today
            ? (reason, null, string.Create(CultureInfo.InvariantCulture, $"Until: {until:yyyy-MM-dd} is not in the future (today is {today:yyyy-MM-dd} UTC); a snooze must end on a later date."))
            : (reason, until, null);
    }
}
