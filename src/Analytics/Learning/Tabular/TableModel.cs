using ChurnWatch.Analytics.Learning.Evaluation;

namespace ChurnWatch.Analytics.Learning.Tabular;

/// <summary>
/// A model trained on an account table, with everything needed to score another file the same way: how its columns
/// were encoded, which label and value it predicts, the classifier, how the learners compared, and which ChurnWatch
/// version made it.
/// </summary>
public sealed record TableModel(
    int FormatVersion,
    string ChurnWatchVersion,
    string Label,
    string Positive,
    TableEncoding Encoding,
    IBinaryClassifier Classifier,
    IReadOnlyList<LearnerEvaluation> Evaluations)
{
    public const int CurrentFormatVersion = 1;
}
