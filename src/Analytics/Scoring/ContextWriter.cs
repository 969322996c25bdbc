using System.Globalization;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Scoring;

/// <summary>
/// What an account is, in one line: contract, plan, tenure and renewal, for example "Month-to-month, Business plan,
/// customer for 14 months". Stated once beside the reasons rather than as a reason, because nearly every account has a
/// contract type and an age, and an account manager cannot act on either.
/// </summary>
public static class ContextWriter
{
    /// <summary>The context of the account whose predictors are <paramref name="values"/>.</summary>
    public static string Line(AccountPredictors values, PredictorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(settings);
        var parts = new List<string>(4);
        var days = values[PredictorNames.DaysToRenewal];
        parts.Add(values[PredictorNames.AnnualContract] >= 1 ? "Annual contract" : "Month-to-month");
        var tier = values[PredictorNames.PlanTier];
        if (!double.IsNaN(tier) && tier >= 1 && tier <= settings.PlanTiers.Count)
            parts.Add(settings.PlanTiers[(int)tier - 1] + " plan");
        var tenure = values[PredictorNames.TenureDays];
        if (!double.IsNaN(tenure))
            parts.Add("customer for " + Tenure(tenure));
        if (!double.IsNaN(days))
            parts.Add(days >= 0 ? "renewal due in " + Count(days, "day") : "renewal " + Count(-days, "day") + " overdue");
        return string.Join(", ", parts);
    }

    // Months once there are two of them (30.44 days each): "14 months" reads faster than "426 days".
    private static string Tenure(double days) => days >= 61 ? Count(Math.Floor(days / 30.44), "month") : Count(days, "day");

    private static string Count(double v, string noun)
    {
        var n = Math.Round(v, 0, MidpointRounding.AwayFromZero);
        return n.ToString("0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
    }
}
