using Microsoft.ML;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>
/// The cross-validation of every learner on an account table (<see cref="TableModelTrainer.CrossValidate"/>): each
/// learner's figures, and what <see cref="TableModelTrainer.Train"/> needs to fit the chosen one and measure its
/// permutation importance on the folds' held-out rows.
/// </summary>
public sealed class TableEvaluation
{
    internal TableEvaluation(TableData data, double[] labels, TableFolds folds, IReadOnlyList<CrossValidationReport> reports, IReadOnlyDictionary<string, IReadOnlyList<(ITransformer Model, IDataView HeldOut)>> foldModels)
    {
        Data = data;
        Labels = labels;
        Folds = folds;
        Reports = reports;
        FoldModels = foldModels;
    }

    /// <summary>Every learner's figures, in the order they were tried.</summary>
    public IReadOnlyList<CrossValidationReport> Reports { get; }

    /// <summary>The learner <see cref="CrossValidationReport.Best"/> chooses.</summary>
    public CrossValidationReport Best => CrossValidationReport.Best(Reports);

    internal TableData Data { get; }

    internal double[] Labels { get; }

    internal TableFolds Folds { get; }

    /// <summary>Per learner, each fold's ML.NET model and the rows it did not see (scored, with their labels).</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<(ITransformer Model, IDataView HeldOut)>> FoldModels { get; }
}
