using System.Diagnostics.CodeAnalysis;
using ChurnWatch.Analytics.Adoption;
using ChurnWatch.Worker.Configuration;

namespace ChurnWatch.Worker.Adoption;

/// <summary>
/// What a feature-usage summary covers: every week or month holding a day from <see cref="From"/> to <see cref="To"/>,
/// customers grouped by <see cref="Grouping"/>. The command's options and the dashboard's form are checked here alike,
/// each error naming the field as its user typed it.
/// </summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="Grain">Weeks or months.</param>
/// <param name="Grouping">All customers together, or by plan, segment or account.</param>
internal sealed record FeatureUsageQuery(DateOnly From, DateOnly To, UsageGrain Grain, UsageGrouping Grouping)
{
    /// <summary>The longest span one summary covers: longer is exported in parts (it is computed in memory, a period at a time).</summary>
    public const int MaximumDays = 3 * 366;

    /// <summary>The fields' names on the command line.</summary>
    public static readonly FeatureUsageFields CommandLine = new("--from", "--to", "--grain", "--by");

    /// <summary>The fields' names on the dashboard's form.</summary>
    public static readonly FeatureUsageFields Form = new("From", "To", "Grain", "Group by");

    /// <summary>
    /// The query from text, or false with the first error: a date not written YYYY-MM-DD, the last day before the first,
    /// more than three years, a grain other than week or month, a grouping other than plan, segment or account (empty
    /// or null: all customers together).
    /// </summary>
    public static bool TryCreate(string? from, string? to, string? grain, string? by, FeatureUsageFields names, [NotNullWhen(true)] out FeatureUsageQuery? query, out string error)
    {
        ArgumentNullException.ThrowIfNull(names);
        query = null;
        if (!IsoDate.TryParse(names.From, from, out var first, out error) || !IsoDate.TryParse(names.To, to, out var last, out error))
            return false;
        if (last < first)
        {
            error = $"{names.To} ({last:yyyy-MM-dd}) is before {names.From} ({first:yyyy-MM-dd}).";
            return false;
        }

        if (last.DayNumber - first.DayNumber > MaximumDays)
        {
            error = $"{names.From} to {names.To} spans more than three years; export it in parts.";
            return false;
        }

        UsageGrain periods;
        switch (grain?.Trim().ToLowerInvariant())
        {
            case "week": periods = UsageGrain.Week; break;
            case "month": periods = UsageGrain.Month; break;
            default: error = $"{names.Grain}: expected week or month, got '{grain}'."; return false;
        }

        UsageGrouping grouping;
        switch (string.IsNullOrWhiteSpace(by) ? null : by.Trim().ToLowerInvariant())
        {
            case null: grouping = UsageGrouping.All; break;
            case "plan": grouping = UsageGrouping.Plan; break;
            case "segment": grouping = UsageGrouping.Segment; break;
            case "account": grouping = UsageGrouping.Account; break;
            default: error = $"{names.By}: expected plan, segment or account, got '{by}'."; return false;
        }

        query = new FeatureUsageQuery(first, last, periods, grouping);
        error = string.Empty;
        return true;
    }
}
