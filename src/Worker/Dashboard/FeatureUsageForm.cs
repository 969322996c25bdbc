namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The values of the Reports page's feature-usage form, as typed (a refused query comes back with them, to correct).
/// </summary>
/// <param name="From">First day, YYYY-MM-DD.</param>
/// <param name="To">Last day, YYYY-MM-DD.</param>
/// <param name="Grain">week or month.</param>
/// <param name="By">plan, segment or account; empty for all customers together.</param>
public sealed record FeatureUsageForm(string From, string To, string Grain, string By)
{
    /// <summary>The form as it first shows: the 13 weeks (a quarter) up to today, by week, all customers together.</summary>
    public static FeatureUsageForm Default(DateOnly today) =>
        new(today.AddDays(-90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "week", "");
}
