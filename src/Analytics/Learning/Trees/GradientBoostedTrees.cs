using System.ComponentModel.DataAnnotations;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// Gradient-boosted decision trees for a binary label, XGBoost-style: quantile histograms, second-order log-loss
/// gradients, split gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) − γ, leaf weight −G/(H+λ) × learning rate, a learned
/// default direction for missing values at every split, depth-wise growth and early stopping on a validation set.
/// The same data and options give the same model for any number of threads.
/// </summary>
public static class GradientBoostedTrees
{
    /// <summary>Training means are clipped to this distance from 0 and 1 before the base score's log-odds.</summary>
    private const double MeanClip = 1e-6;

    /// <param name="x">Training rows; NaN is a missing value.</param>
    /// <param name="labels">One 0 or 1 per row.</param>
    /// <param name="options">Validated with data annotations.</param>
    /// <param name="validationX">Rows for early stopping (for churn: later observation dates than <paramref name="x"/>).</param>
    /// <param name="validationLabels">One 0 or 1 per validation row.</param>
    public static GradientBoostedTreesModel Fit(FeatureMatrix x, double[] labels, GradientBoostingOptions options, FeatureMatrix? validationX = null, double[]? validationLabels = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        CheckLabels(x, labels, nameof(labels));
        if ((validationX is null) != (validationLabels is null))
        {
            throw new ArgumentException("Give both the validation rows and their labels, or neither.", nameof(validationLabels));
        }

        if (validationX is not null)
        {
            CheckLabels(validationX, validationLabels!, nameof(validationLabels));
            if (validationX.Columns != x.Columns)
            {
                throw new ArgumentException($"The validation rows have {validationX.Columns} columns, the training rows {x.Columns}.", nameof(validationX));
            }
        }
        else if (options.EarlyStoppingRounds > 0 && options.ValidationFraction > 0)
        {
            (x, labels, validationX, validationLabels) = HoldOut(x, labels, options.ValidationFraction, options.Seed);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        var bins = BinnedFeatures.Create(x, options.MaxBins, parallel);
        var mean = Math.Clamp(labels.Average(), MeanClip, 1 - MeanClip);
        var baseScore = Math.Log(mean / (1 - mean));
        var rows = x.Rows;
        var logits = new double[rows];
        Array.Fill(logits, baseScore);
        var gradients = new GradientPair[rows];
        var grower = new TreeGrower(bins, options, parallel);
        var random = new Random(options.Seed);
        var trees = new List<ShapTree>(options.Trees);
        var stopping = validationX is not null && options.EarlyStoppingRounds > 0
            ? new EarlyStopping(validationX, validationLabels!, baseScore, options.EarlyStoppingRounds, parallel)
            : null;
        for (var t = 0; t < options.Trees; t++)
        {
            ComputeGradients(logits, labels, gradients, parallel);
            var sample = options.RowSubsample < 1 ? SampleRows(rows, options.RowSubsample, random) : null;
            var features = SampleColumns(x.Columns, options.ColumnSubsample, random);
            var tree = grower.Grow(gradients, sample, features);
            grower.AddToLogits(tree, logits);
            trees.Add(tree);
            if (stopping is not null && stopping.ShouldStop(tree, trees.Count))
            {
                break;
            }
        }

        if (stopping is not null)
        {
            trees.RemoveRange(stopping.BestTreeCount, trees.Count - stopping.BestTreeCount);
        }

        return new GradientBoostedTreesModel(x.ColumnNames.ToArray(), baseScore, trees);
    }

    private static void CheckLabels(FeatureMatrix x, double[] labels, string name)
    {
        if (labels.Length != x.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {x.Rows} rows.", name);
        }

        if (Array.Exists(labels, l => l is not (0 or 1)))
        {
            throw new ArgumentException("Labels must be 0 or 1.", name);
        }

        if (x.Rows == 0)
        {
            throw new ArgumentException("No rows to learn from.", name);
        }
    }

    private static (FeatureMatrix, double[], FeatureMatrix, double[]) HoldOut(FeatureMatrix x, double[] labels, double fraction, int seed)
    {
        var random = new Random(seed ^ 0x5EED);
        var train = new List<int>();
        var held = new List<int>();
        for (var r = 0; r < x.Rows; r++)
        {
            (random.NextDouble() < fraction ? held : train).Add(r);
        }

        if (held.Count == 0 || train.Count == 0)
        {
            throw new ArgumentException($"A validation fraction of {fraction} leaves no rows on one side of {x.Rows}.", nameof(x));
        }

        return (x.SelectRows(train), train.Select(r => labels[r]).ToArray(), x.SelectRows(held), held.Select(r => labels[r]).ToArray());
    }

    private static void ComputeGradients(double[] logits, double[] labels, GradientPair[] gradients, ParallelOptions parallel)
    {
        const int Block = 16_384;
        Parallel.For(0, (logits.Length + Block - 1) / Block, parallel, block =>
        {
            var end = Math.Min(logits.Length, (block + 1) * Block);
            for (var r = block * Block; r < end; r++)
            {
                var p = 1.0 / (1.0 + Math.Exp(-logits[r]));
                gradients[r] = new GradientPair(p - labels[r], Math.Max(p * (1 - p), 1e-16));
            }
        });
    }

    private static List<int> SampleRows(int rows, double fraction, Random random)
    {
        var sample = new List<int>((int)(rows * fraction) + 16);
        for (var r = 0; r < rows; r++)
        {
            if (random.NextDouble() < fraction)
            {
                sample.Add(r);
            }
        }

        if (sample.Count == 0)
        {
            sample.Add(random.Next(rows));
        }

        return sample;
    }

    private static int[] SampleColumns(int columns, double fraction, Random random)
    {
        var all = Enumerable.Range(0, columns).ToArray();
        if (fraction >= 1)
        {
            return all;
        }

        var take = Math.Clamp((int)Math.Round(columns * fraction), 1, columns);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, columns);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..take];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>Tracks the validation log loss round by round and remembers the best round.</summary>
    private sealed class EarlyStopping(FeatureMatrix x, double[] labels, double baseScore, int patience, ParallelOptions parallel)
    {
        private readonly double[] _logits = Enumerable.Repeat(baseScore, x.Rows).ToArray();
        private readonly double[] _probabilities = new double[x.Rows];
        private readonly bool[] _actual = labels.Select(l => l == 1).ToArray();
        private double _bestLoss = double.PositiveInfinity;

        public int BestTreeCount { get; private set; }

        public bool ShouldStop(ShapTree tree, int treeCount)
        {
            Parallel.For(0, x.Rows, parallel, r =>
            {
                _logits[r] += tree.Value[tree.Leaf(x.Row(r))];
                _probabilities[r] = 1.0 / (1.0 + Math.Exp(-_logits[r]));
            });
            var loss = ClassificationMetrics.LogLoss(_probabilities, _actual);
            if (loss < _bestLoss)
            {
                _bestLoss = loss;
                BestTreeCount = treeCount;
            }

            return treeCount - BestTreeCount >= patience;
        }
    }
}
