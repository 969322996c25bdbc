using ChurnWatch.Analytics.Modeling.MlNet;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// A model trained on an account table (<c>churnwatch model train</c>), of the same design as the pipeline's
/// <see cref="RiskModel"/>: ChurnWatch's metadata (what it predicts, the columns it reads, every learner's
/// cross-validation, ML.NET's permutation importance, the ChurnWatch version) with the ML.NET model inside its
/// <see cref="MlNetClassifier"/> (preparation and learner in one zip: one-hot of text columns, missing values,
/// scaling), so a .NET developer can load the zip and score raw table rows. Serialise with
/// <see cref="TableModelSerializer"/>.
/// </summary>
/// <param name="FormatVersion">Model file format version, shared with <see cref="RiskModel.CurrentFormatVersion"/>.</param>
/// <param name="Label">The table column it predicts.</param>
/// <param name="Positive">The label value it gives the probability of.</param>
/// <param name="Columns">The columns it reads, in the ML.NET model's input order.</param>
/// <param name="Learner">The learner cross-validation chose.</param>
/// <param name="Classifier">The ML.NET model and what explains it (contributions per column).</param>
/// <param name="CrossValidation">Every learner's cross-validation, in the order they were tried.</param>
/// <param name="Importance">
/// ML.NET's permutation importance of the chosen learner per column, most first: the AUC lost when a slot of the
/// prepared vector is shuffled, added over the column's slots (its one-hot levels, or value and missing slot) and
/// averaged over the cross-validation folds' models on the rows each did not see.
/// </param>
public sealed record TableModel(
    int FormatVersion,
    string Label,
    string Positive,
    IReadOnlyList<TableColumn> Columns,
    string Learner,
    MlNetClassifier Classifier,
    IReadOnlyList<CrossValidationReport> CrossValidation,
    IReadOnlyList<ColumnImportance> Importance)
{
    /// <summary>The ChurnWatch version that trained the model.</summary>
    public string ChurnWatchVersion { get; init; } = RiskModel.CurrentChurnWatchVersion;

    /// <summary>
    /// Scores a table with the model's columns (others are ignored): per row the probability and, with
    /// <paramref name="explain"/>, one exact contribution per model column (a text column's one-hot slots summed).
    /// </summary>
    public ModelScores Score(AccountTable table, bool explain)
    {
        ArgumentNullException.ThrowIfNull(table);
        var data = TableData.Read(table, Columns);
        return Classifier.Score(data.View(), data.Rows, explain);
    }
}
