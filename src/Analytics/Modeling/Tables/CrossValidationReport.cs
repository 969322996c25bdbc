using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>How one learner did in cross-validation: metrics on the pooled out-of-fold predictions.</summary>
/// <param name="Learner">The learner (<c>lbfgs_logistic_regression</c> or <c>lightgbm</c>).</param>
/// <param name="Folds">How many folds.</param>
/// <param name="Auc">AUC of the out-of-fold probabilities (ties count half).</param>
/// <param name="LogLoss">Their mean log loss.</param>
/// <param name="Brier">Their Brier score.</param>
/// <param name="FitSeconds">
/// Wall time of the folds' fits and predictions. Printed, never stored: a model file must be byte-identical for the
/// same data and seed, and a stopwatch is not.
/// </param>
public sealed record CrossValidationReport(string Learner, int Folds, double Auc, double LogLoss, double Brier, [property: JsonIgnore] double FitSeconds)
{
    /// <summary>
    /// The best learner: lowest out-of-fold log loss, then highest AUC, then name. Log loss is the proper scoring rule
    /// for probabilities, which feed forecasts: it rewards ranking and calibration together. Choosing on AUC first
    /// picked a learner 0.001 AUC ahead with worse probabilities (bench/accuracy.sh, sample-2026).
    /// </summary>
    public static CrossValidationReport Best(IReadOnlyList<CrossValidationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return reports.OrderBy(e => e.LogLoss).ThenByDescending(e => e.Auc).ThenBy(e => e.Learner, StringComparer.Ordinal).First();
    }
}
