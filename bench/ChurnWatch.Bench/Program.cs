using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Bench;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

// Usage: ChurnWatch.Bench <predictors.f64> <labels.f64> <rows> <columns> <trainRows> <trees> <depth> <threads> [--score-methods]
// Reads a row-major float64 matrix and float64 labels, trains ML.NET's LightGBM (the learner ChurnWatch's models use)
// on the first trainRows rows, scores every row and reports the AUC on the rest. Prints key=value lines that
// bench/gbdt.sh reads. With --score-methods it compares the ways of scoring with ML.NET instead (ScoringMethods).
if (args.Length is not (8 or 9) || (args.Length == 9 && args[8] != "--score-methods"))
{
    Console.Error.WriteLine("usage: ChurnWatch.Bench <predictors.f64> <labels.f64> <rows> <columns> <trainRows> <trees> <depth> <threads> [--score-methods]");
    return 2;
}

var scoreMethods = args.Length == 9;

var inv = CultureInfo.InvariantCulture;
var rows = int.Parse(args[2], inv);
var columns = int.Parse(args[3], inv);
var trainRows = int.Parse(args[4], inv);
var trees = int.Parse(args[5], inv);
var depth = int.Parse(args[6], inv);
var threads = int.Parse(args[7], inv);
// ML.NET learns from float32: the float64 file is read a row at a time into floats, which halves the memory held.
var values = new float[(long)rows * columns];
var labels = new double[rows];
using (var predictors = File.OpenRead(args[0]))
{
    var row = new double[columns];
    for (var r = 0; r < rows; r++)
    {
        predictors.ReadExactly(MemoryMarshal.AsBytes(row.AsSpan()));
        for (var c = 0; c < columns; c++)
        {
            values[((long)r * columns) + c] = (float)row[c];
        }
    }
}

using (var labelFile = File.OpenRead(args[1]))
{
    labelFile.ReadExactly(MemoryMarshal.AsBytes(labels.AsSpan()));
}

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var watch = Stopwatch.StartNew();
var ml = new MLContext(seed: 42);
var schema = SchemaDefinition.Create(typeof(Row));
schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
IDataView View(int from, int to) => ml.Data.LoadFromEnumerable(Rows(from, to), schema);
var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
{
    NumberOfIterations = trees,
    LearningRate = 0.1,
    NumberOfLeaves = 1 << Math.Min(depth, 16),
    MinimumExampleCountPerLeaf = 1,
    MaximumBinCountPerFeature = 255,
    Sigmoid = 1,
    Seed = 42,
    Deterministic = true,
    NumberOfThreads = threads,
    Silent = true,
    Booster = new GradientBooster.Options { MaximumTreeDepth = depth, MinimumChildWeight = 1, L2Regularization = 1 },
});
var model = trainer.Fit(View(0, trainRows));
var trainSeconds = watch.Elapsed.TotalSeconds;
process.Refresh();
var trainCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

if (scoreMethods)
{
    // Compare the ways of scoring (bench/gbdt.sh --score-methods) instead of the timed passes below.
    var typed = (BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>)model;
    new ScoringMethods(ml, typed, values, columns, threads, View, schema).Compare(rounds: 5);
    return 0;
}

// Batch scoring with ML.NET's own model (CursorSetScoring): Transform over the matrix read in place, one cursor of
// GetRowCursorSet per thread. Three passes, each scoring every row; the first (cold: JIT) and the best are reported,
// and every pass must give the same bits.
const int ScorePasses = 3;
var matrix = new MatrixView(values, columns);
var scoreSeconds = new double[ScorePasses];
var scoreCpuSeconds = new double[ScorePasses];
float[] scores = [];
var identical = true;
for (var pass = 0; pass < ScorePasses; pass++)
{
    process.Refresh();
    cpuBefore = process.TotalProcessorTime;
    watch.Restart();
    var result = CursorSetScoring.Score(model, matrix, threads);
    scoreSeconds[pass] = watch.Elapsed.TotalSeconds;
    process.Refresh();
    scoreCpuSeconds[pass] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    identical &= pass == 0 || result.AsSpan().SequenceEqual(scores);
    scores = result;
}

var bestPass = Array.IndexOf(scoreSeconds, scoreSeconds.Min());
var actual = labels[trainRows..].Select(l => l == 1).ToArray();
var auc = ClassificationMetrics.Auc([.. scores[trainRows..].Select(s => (double)s)], actual);
Console.WriteLine(string.Create(inv, $"train_seconds={trainSeconds:F3}"));
Console.WriteLine(string.Create(inv, $"train_cpu_seconds={trainCpuSeconds:F3}"));
Console.WriteLine("score_method=transform_cursor_set");
Console.WriteLine(string.Create(inv, $"score_rows={rows}"));
Console.WriteLine(string.Create(inv, $"score_passes={ScorePasses}"));
Console.WriteLine(string.Create(inv, $"score_passes_identical={identical}"));
Console.WriteLine(string.Create(inv, $"score_seconds_first={scoreSeconds[0]:F3}"));
Console.WriteLine(string.Create(inv, $"score_rows_per_second_first={rows / scoreSeconds[0]:F0}"));
Console.WriteLine(string.Create(inv, $"score_seconds={scoreSeconds[bestPass]:F3}"));
Console.WriteLine(string.Create(inv, $"score_cpu_seconds={scoreCpuSeconds[bestPass]:F3}"));
Console.WriteLine(string.Create(inv, $"score_rows_per_second={rows / scoreSeconds[bestPass]:F0}"));
Console.WriteLine(string.Create(inv, $"test_auc={auc:F5}"));
Console.WriteLine(string.Create(inv, $"trees={model.Model.SubModel.TrainedTreeEnsemble.Trees.Count}"));
return 0;

IEnumerable<Row> Rows(int from, int to)
{
    for (var r = from; r < to; r++)
    {
        var predictors = values.AsSpan((int)((long)r * columns), columns).ToArray();
        yield return new Row { Features = predictors, Label = labels[r] == 1 };
    }
}

/// <summary>One matrix row as ML.NET reads it.</summary>
internal sealed class Row
{
    /// <summary>The row's predictors, as the vector column ML.NET's trainers read by default (named "Features" by ML.NET).</summary>
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}
