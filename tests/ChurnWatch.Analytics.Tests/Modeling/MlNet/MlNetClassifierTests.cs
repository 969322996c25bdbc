using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace ChurnWatch.Analytics.Tests.Modeling.MlNet;

public sealed class MlNetClassifierTests
{
    private static readonly string[] Columns = ["events", "csat", "never_seen"];

    /// <summary>events: a count; csat: 1-5, missing on a fifth of rows; never_seen: missing on every row.</summary>
    internal static (PredictorMatrix X, double[] Labels) Data(int rows, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * 3];
        var labels = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            values[r * 3] = random.Next(0, 100);
            values[(r * 3) + 1] = random.NextDouble() < 0.2 ? double.NaN : random.Next(1, 6);
            values[(r * 3) + 2] = double.NaN;
            var risky = values[r * 3] < 30 || values[(r * 3) + 1] <= 2 || double.IsNaN(values[(r * 3) + 1]);
            labels[r] = random.NextDouble() < (risky ? 0.6 : 0.1) ? 1 : 0;
        }

        return (new PredictorMatrix(Columns, values), labels);
    }

    internal static MlNetClassifier Fit(string learner, int rows = 600, int seed = 3)
    {
        var (x, y) = Data(rows, seed);
        var options = new ModelingOptions();
        options.Trees.Trees = 30;
        options.Trees.EarlyStoppingRounds = 0;
        return MlNetLearners.Fit(learner, x, y, [.. Enumerable.Range(0, rows)], new HashSet<string>(["events"], StringComparer.Ordinal), options);
    }

    [Theory]
    [InlineData(MlNetLearners.LogisticRegression)]
    [InlineData(MlNetLearners.LightGbm)]
    public void Score_EitherLearner_ContributionsAddUpToMlNetsScore(string learner)
    {
        var model = Fit(learner);
        var (rows, _) = Data(200, seed: 4);

        var scores = model.Score(rows, explain: true);

        for (var r = 0; r < rows.Rows; r++)
        {
            var logit = scores.Bias + scores.Contributions![r].Sum();
            // ML.NET computes its Score in float; the explanation is the same sum in double.
            Assert.Equal(scores.Logits[r], logit, 1e-5 * Math.Max(1, Math.Abs(logit)));
            Assert.Equal(0, scores.Contributions[r][2]); // a predictor never seen in training moves no score
        }
    }

    [Fact]
    public void Score_LightGbm_TreeShapAddsUpToTheEnsemblesOwnTreesToTheLastDigits()
    {
        var model = Fit(MlNetLearners.LightGbm);
        var (rows, _) = Data(100, seed: 5);
        var ensemble = LightGbmTrees(model);
        var scores = model.Score(rows, explain: true);
        var prepared = PreparedRows(model, rows);

        for (var r = 0; r < rows.Rows; r++)
        {
            // The ensemble's logit in double, walking ML.NET's trees: bias + sum of weight x leaf value.
            var walked = ensemble.Bias;
            for (var k = 0; k < ensemble.Trees.Count; k++)
            {
                var tree = ensemble.Trees[k];
                var node = tree.NumberOfNodes == 0 ? -1 : 0;
                while (node >= 0)
                {
                    node = prepared[r][tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
                }

                walked += ensemble.TreeWeights[k] * tree.LeafValues[~node];
            }

            Assert.Equal(walked, scores.Bias + scores.Contributions![r].Sum(), 1e-9);
            Assert.Equal((float)walked, (float)scores.Logits[r]);
        }
    }

    [Fact]
    public void Score_LogisticRegression_ContributionIsWeightTimesPreparedValue()
    {
        var model = Fit(MlNetLearners.LogisticRegression);
        var (rows, _) = Data(20, seed: 6);
        var linear = LinearModel(model);
        var scores = model.Score(rows, explain: true);
        var prepared = PreparedRows(model, rows);

        Assert.Equal(linear.Bias, scores.Bias);
        for (var r = 0; r < rows.Rows; r++)
        {
            var expected = new double[3];
            for (var s = 0; s < prepared[r].Length; s++)
            {
                expected[model.SlotPredictors[s]] += (double)linear.Weights[s] * prepared[r][s];
            }

            Assert.Equal(expected, scores.Contributions![r]);
        }
    }

    [Theory]
    [InlineData(MlNetLearners.LogisticRegression)]
    [InlineData(MlNetLearners.LightGbm)]
    public void Fit_SameDataAndSeed_GivesTheSameModelBytes(string learner)
    {
        var first = Fit(learner);
        Thread.Sleep(2100); // ML.NET stamps zip entries with the saving time, to 2 s
        var second = Fit(learner);

        Assert.Equal(first.MlNetModel, second.MlNetModel);
    }

    [Fact]
    public void MlNetModel_LoadedByPlainMlContext_ScoresLikeChurnWatch()
    {
        var model = Fit(MlNetLearners.LightGbm);
        var (rows, _) = Data(50, seed: 7);

        // What a .NET developer does with the file's ml_net_model: no ChurnWatch code involved.
        var ml = new MLContext();
        var loaded = ml.Model.Load(new MemoryStream(model.MlNetModel), out var inputSchema);
        var score = loaded.Transform(new PredictorTable(rows)).GetColumn<float>("Score").ToArray();

        Assert.Equal(Columns, inputSchema.Select(c => c.Name));
        Assert.Equal(model.Score(rows).Logits, score.Select(s => (double)s));
    }

    private static RegressionTreeEnsembleOf LightGbmTrees(MlNetClassifier model) =>
        new(model.Transformer is IEnumerable<ITransformer> chain
            ? chain.OfType<BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>>().Single().Model.SubModel.TrainedTreeEnsemble
            : throw new InvalidOperationException("not a chain"));

    private static Microsoft.ML.Trainers.LinearBinaryModelParameters LinearModel(MlNetClassifier model) =>
        ((IEnumerable<ITransformer>)model.Transformer)
            .OfType<BinaryPredictionTransformer<CalibratedModelParametersBase<Microsoft.ML.Trainers.LinearBinaryModelParameters, PlattCalibrator>>>().Single().Model.SubModel;

    private static float[][] PreparedRows(MlNetClassifier model, PredictorMatrix rows) =>
        [.. model.Transformer.Transform(new PredictorTable(rows)).GetColumn<float[]>("Features")];

    private sealed record RegressionTreeEnsembleOf(Microsoft.ML.Trainers.FastTree.RegressionTreeEnsemble Ensemble)
    {
        public double Bias => Ensemble.Bias;

        public IReadOnlyList<Microsoft.ML.Trainers.FastTree.RegressionTree> Trees => Ensemble.Trees;

        public IReadOnlyList<double> TreeWeights => Ensemble.TreeWeights;
    }
}
