using System.Globalization;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// The churn training set ChurnWatch builds for a company (one row per account x observation date, the documented
/// predictors, the churn label), as a plain <see cref="AccountTable"/>: what the accuracy benchmark hands to other
/// learners so they learn from exactly the rows and columns ChurnWatch's own models do.
/// </summary>
/// <remarks>
/// Rows whose churn label is not yet knowable are left out, as the workflow leaves them out of training. Numbers are
/// written in the invariant culture with round-trip precision; a missing predictor (NaN) is an empty cell.
/// </remarks>
public static class ChurnObservationTable
{
    public const string AccountColumn = "account_id";

    /// <summary>The observation date D, ISO-8601; the predictors use only data strictly before it.</summary>
    public const string DateColumn = "observation_date";

    /// <summary>1 when the account churned within the horizon after D, else 0.</summary>
    public const string LabelColumn = "churned";

    /// <summary>The whole table of a company held in memory (see <see cref="Rows"/>).</summary>
    public static AccountTable Build(CompanyTimeline timeline, ModelingOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new AccountTable(source, Columns(timeline, options), [.. Rows(timeline, [timeline], options)]);
    }

    /// <summary>The table's columns: account, date, the predictors <paramref name="ledger"/>'s company is trained on, the label.</summary>
    public static IReadOnlyList<string> Columns(CompanyTimeline ledger, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        var names = new PredictorBuilder(ledger, ChurnModelWorkflow.ResolvePredictorSettings(ledger, options)).Schema.Names;
        return [AccountColumn, DateColumn, .. names, LabelColumn];
    }

    /// <summary>
    /// The table's rows, a batch of accounts at a time: <paramref name="ledger"/> (every account's subscriptions, built
    /// with the company's shape) decides the predictors; each batch's rows are built, handed out and let go before the
    /// next batch is read, so a company of any size is written in bounded memory.
    /// </summary>
    public static IEnumerable<string[]> Rows(CompanyTimeline ledger, IEnumerable<CompanyTimeline> batches, ModelingOptions options)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = ChurnModelWorkflow.ResolvePredictorSettings(ledger, options);
        foreach (var batch in batches)
        {
            using var set = ObservationSetBuilder.Build([new PredictorBuilder(batch, settings)], TrainingSample.All, options);
            var reader = set.Predictors.OpenReader();
            var predictors = new float[set.PredictorCount];
            for (var r = 0; r < set.Count; r++)
            {
                if (set.Churn[r] < 0)
                {
                    continue;
                }

                var cells = new string[set.PredictorCount + 3];
                cells[0] = set.AccountIds[set.Account[r]];
                cells[1] = DateOnly.FromDayNumber(set.Day[r]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                reader.Read(r, predictors);
                for (var c = 0; c < predictors.Length; c++)
                {
                    cells[2 + c] = float.IsNaN(predictors[c]) ? string.Empty : predictors[c].ToString("R", CultureInfo.InvariantCulture);
                }

                cells[^1] = set.Churn[r] == 1 ? "1" : "0";
                yield return cells;
            }
        }
    }
}
