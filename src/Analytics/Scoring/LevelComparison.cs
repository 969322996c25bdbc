namespace ChurnWatch.Analytics.Scoring;

/// <summary>A level a reason states, beside what retained accounts like it do (see <see cref="RetainedLevels"/>).</summary>
/// <param name="Predictor">The predictor whose value the sentence states.</param>
/// <param name="Value">The account's value.</param>
/// <param name="Median">The retained accounts' median.</param>
/// <param name="Who">Whom the median describes: "retained Business accounts", or "retained accounts" over every plan.</param>
public sealed record LevelComparison(string Predictor, double Value, double Median, string Who);
