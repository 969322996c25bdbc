using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// How ML.NET's LightGBM grows its ensemble (<c>MlNet.MlNetLearners.Trainer</c> maps these onto LightGBM's options).
/// Every default and range is given in the member's summary; <see cref="ModelingOptions.Validate"/> checks them.
/// </summary>
public sealed class GradientBoostingOptions
{
    /// <summary>Number of boosting rounds (trees). Default 200; range 1-100,000.</summary>
    [Range(1, 100_000)]
    public int Trees { get; set; } = 200;

    /// <summary>Shrinkage applied to every leaf weight (eta). Default 0.1; range 0.0001-1.</summary>
    [Range(0.0001, 1.0)]
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Deepest level a tree grows to (the root is depth 0). Default 6; range 1-16.</summary>
    [Range(1, 16)]
    public int MaxDepth { get; set; } = 6;

    /// <summary>Most leaves per tree, on top of <see cref="MaxDepth"/>. Default null (no limit); range 2-65,536.</summary>
    [Range(2, 65_536)]
    public int? MaxLeaves { get; set; }

    /// <summary>Least hessian sum (cover) each child of a split must keep. Default 1.0; range 0-1,000,000.</summary>
    [Range(0.0, 1_000_000.0)]
    public double MinChildWeight { get; set; } = 1.0;

    /// <summary>L2 penalty on leaf weights (lambda). Default 1.0; range 0-1,000,000.</summary>
    [Range(0.0, 1_000_000.0)]
    public double L2 { get; set; } = 1.0;

    /// <summary>
    /// Least gain a split must bring (gamma), in the units of G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ).
    /// Default 0; range 0-1,000,000.
    /// </summary>
    [Range(0.0, 1_000_000.0)]
    public double MinSplitGain { get; set; }

    /// <summary>Fraction of training rows drawn (seeded, without replacement) for each tree. Default 1.0; range 0.01-1.</summary>
    [Range(0.01, 1.0)]
    public double RowSubsample { get; set; } = 1.0;

    /// <summary>Fraction of columns drawn (seeded) for each tree. Default 1.0; range 0.01-1.</summary>
    [Range(0.01, 1.0)]
    public double ColumnSubsample { get; set; } = 1.0;

    /// <summary>Most value bins per column (quantiles of the column); missing values get one more bin. Default 255; range 2-255.</summary>
    [Range(2, 255)]
    public int MaxBins { get; set; } = 255;

    /// <summary>
    /// Stop when the validation log loss has not improved for this many rounds and keep the best round's trees.
    /// Default 20; range 0-100,000; 0 turns early stopping off. The validation rows are the caller's: the latest
    /// training dates for the churn and renewal models, a tenth of the accounts for the CSV commands.
    /// </summary>
    [Range(0, 100_000)]
    public int EarlyStoppingRounds { get; set; } = 20;
}
