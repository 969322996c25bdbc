using System.Globalization;
using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// The churn training set ChurnWatch builds for a company (one row per account x observation date, the documented
/// features, the churn label), as a plain <see cref="AccountTable"/>: what the accuracy benchmark hands to other
/// learners so they learn from exactly the rows and columns ChurnWatch's own models do.
/// </summary>
/// <remarks>
/// Rows whose churn label is not yet knowable are left out, as the workflow leaves them out of training. Numbers are
/// written in the invariant culture with round-trip precision; a missing feature (NaN) is an empty cell.
/// </remarks>
public static class ChurnObservationTable
{
    public const string AccountColumn = "account_id";

    /// <summary>The observation date D, ISO-8601; the features use only data strictly before it.</summary>
    public const string DateColumn = "observation_date";

    /// <summary>1 when the account churned within the horizon after D, else 0.</summary>
    public const string LabelColumn = "churned";

    public static AccountTable Build(CompanyTimeline timeline, ModelingOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = ChurnModelWorkflow.ResolveFeatureSettings(timeline, options);
        var set = ObservationSetBuilder.Build(new FeatureBuilder(timeline, settings), options);
        var columns = new List<string> { AccountColumn, DateColumn };
        columns.AddRange(set.FeatureNames);
        columns.Add(LabelColumn);

        var rows = new List<string[]>();
        for (var r = 0; r < set.Count; r++)
        {
            if (set.Churn[r] < 0)
            {
                continue;
            }

            var cells = new string[columns.Count];
            cells[0] = set.AccountIds[set.Account[r]];
            cells[1] = DateOnly.FromDayNumber(set.Day[r]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var features = set.Row(r);
            for (var c = 0; c < features.Length; c++)
            {
                cells[2 + c] = double.IsNaN(features[c]) ? string.Empty : features[c].ToString("R", CultureInfo.InvariantCulture);
            }

            cells[^1] = set.Churn[r] == 1 ? "1" : "0";
            rows.Add(cells);
        }

        return new AccountTable(source, columns, rows);
    }
}
