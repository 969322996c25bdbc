using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Learning.Evaluation;

/// <summary>How one learner did in cross-validation: metrics on the pooled out-of-fold predictions.</summary>
/// <param name="FitSeconds">
/// Wall time of the folds' fits. Printed, never stored: a model file must be byte-identical for the same data and seed,
/// and a stopwatch is not.
/// </param>
public sealed record LearnerEvaluation(string Learner, int Folds, double Auc, double LogLoss, double Brier, [property: JsonIgnore] double FitSeconds);
