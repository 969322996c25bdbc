using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Trees;
using ChurnWatch.Analytics.Modeling;

// Usage: ChurnWatch.Bench <features.f64> <labels.f64> <rows> <columns> <trainRows> <trees> <depth> <threads>
// Reads a row-major float64 matrix and float64 labels, trains on the first trainRows rows, scores every row and
// reports the AUC on the rest. Prints key=value lines that bench/gbdt.sh reads.
if (args.Length != 8)
{
    Console.Error.WriteLine("usage: ChurnWatch.Bench <features.f64> <labels.f64> <rows> <columns> <trainRows> <trees> <depth> <threads>");
    return 2;
}

var inv = CultureInfo.InvariantCulture;
var rows = int.Parse(args[2], inv);
var columns = int.Parse(args[3], inv);
var trainRows = int.Parse(args[4], inv);
var names = Enumerable.Range(0, columns).Select(c => "f" + c.ToString(inv)).ToArray();
var trainValues = new double[trainRows * columns];
var testValues = new double[(rows - trainRows) * columns];
var labels = new double[rows];
using (var features = File.OpenRead(args[0]))
{
    features.ReadExactly(MemoryMarshal.AsBytes(trainValues.AsSpan()));
    features.ReadExactly(MemoryMarshal.AsBytes(testValues.AsSpan()));
}

using (var labelFile = File.OpenRead(args[1]))
{
    labelFile.ReadExactly(MemoryMarshal.AsBytes(labels.AsSpan()));
}

var train = new FeatureMatrix(names, trainValues);
var test = new FeatureMatrix(names, testValues);
var options = new GradientBoostingOptions
{
    Trees = int.Parse(args[5], inv),
    MaxDepth = int.Parse(args[6], inv),
    LearningRate = 0.1,
    L2 = 1.0,
    MinChildWeight = 1.0,
    MaxBins = 255,
    EarlyStoppingRounds = 0,
    Threads = int.Parse(args[7], inv),
};

var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var watch = Stopwatch.StartNew();
var model = GradientBoostedTrees.Fit(train, labels[..trainRows], options);
var trainSeconds = watch.Elapsed.TotalSeconds;
process.Refresh();
var trainCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

// Scoring is short (well under a second per pass on two idle cores), so one busy moment of a shared machine
// swings a single pass: three passes, each scoring every row; the first (cold: JIT, thread pool) and the best are
// reported, and every pass must give the same bits.
const int ScorePasses = 3;
var scoreSeconds = new double[ScorePasses];
var scoreCpuSeconds = new double[ScorePasses];
double[] testLogits = [], trainLogits = [];
var identical = true;
for (var pass = 0; pass < ScorePasses; pass++)
{
    process.Refresh();
    cpuBefore = process.TotalProcessorTime;
    watch.Restart();
    var testPass = model.PredictLogits(test);
    var trainPass = model.PredictLogits(train);
    scoreSeconds[pass] = watch.Elapsed.TotalSeconds;
    process.Refresh();
    scoreCpuSeconds[pass] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    identical &= pass == 0 || (testPass.AsSpan().SequenceEqual(testLogits) && trainPass.AsSpan().SequenceEqual(trainLogits));
    (testLogits, trainLogits) = (testPass, trainPass);
}

var scoreRows = testLogits.Length + trainLogits.Length;
var bestPass = Array.IndexOf(scoreSeconds, scoreSeconds.Min());

var actual = labels[trainRows..].Select(l => l == 1).ToArray();
var auc = ClassificationMetrics.Auc(testLogits, actual);
Console.WriteLine(string.Create(inv, $"train_seconds={trainSeconds:F3}"));
Console.WriteLine(string.Create(inv, $"train_cpu_seconds={trainCpuSeconds:F3}"));
Console.WriteLine(string.Create(inv, $"score_rows={scoreRows}"));
Console.WriteLine(string.Create(inv, $"score_passes={ScorePasses}"));
Console.WriteLine(string.Create(inv, $"score_passes_identical={identical}"));
Console.WriteLine(string.Create(inv, $"score_seconds_first={scoreSeconds[0]:F3}"));
Console.WriteLine(string.Create(inv, $"score_rows_per_second_first={scoreRows / scoreSeconds[0]:F0}"));
Console.WriteLine(string.Create(inv, $"score_seconds={scoreSeconds[bestPass]:F3}"));
Console.WriteLine(string.Create(inv, $"score_cpu_seconds={scoreCpuSeconds[bestPass]:F3}"));
Console.WriteLine(string.Create(inv, $"score_rows_per_second={scoreRows / scoreSeconds[bestPass]:F0}"));
Console.WriteLine(string.Create(inv, $"test_auc={auc:F5}"));
Console.WriteLine(string.Create(inv, $"trees={model.TreeCount}"));
return 0;
