using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ChurnWatch.Bench;

/// <summary>
/// The ways of scoring a batch with ML.NET's trained model that <c>bench/gbdt.sh --score-methods</c> compares, each
/// run once per round for several rounds in turn (so a change of load on a shared machine hits them alike), every
/// pass checked against the first to the bit. Prints wall rows/s (best and median) and CPU microseconds per row.
/// </summary>
internal sealed class ScoringMethods(
    MLContext ml,
    BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> model,
    float[] values,
    int columns,
    int threads,
    Func<int, int, IDataView> enumerableView,
    SchemaDefinition rowSchema)
{
    private readonly int _rows = values.Length / columns;

    public void Compare(int rounds)
    {
        var methods = new (string Name, Func<float[]> Score)[]
        {
            ("transform_per_thread_enumerable", TransformPerThreadEnumerable),
            ("transform_one_cursor", TransformOneCursor),
            ("transform_cursor_set", () => CursorSetScoring.Score(model, new MatrixView(values, columns), threads)),
            ("prediction_engine_per_thread", PredictionEnginePerThread),
            ("value_mapper_per_thread", ValueMapperPerThread),
        };
        var inv = CultureInfo.InvariantCulture;
        var process = Process.GetCurrentProcess();
        var wall = methods.Select(_ => new List<double>()).ToArray();
        var cpu = methods.Select(_ => new List<double>()).ToArray();
        float[]? first = null;
        var identical = true;
        for (var round = 0; round < rounds; round++)
        {
            for (var m = 0; m < methods.Length; m++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var scores = methods[m].Score();
                wall[m].Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                cpu[m].Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
                identical &= first is null || scores.AsSpan().SequenceEqual(first);
                first ??= scores;
            }
        }

        foreach (var (m, (name, _)) in methods.Index())
        {
            Console.WriteLine(string.Create(inv, $"method={name} rows_per_second_best={_rows / wall[m].Min():F0} rows_per_second_median={_rows / Median(wall[m]):F0} cpu_us_per_row_best={cpu[m].Min() * 1e6 / _rows:F2} cpu_us_per_row_median={Median(cpu[m]) * 1e6 / _rows:F2}"));
        }

        Console.WriteLine(string.Create(inv, $"methods_identical={identical}"));
    }

    private static double Median(List<double> x) => x.Order().ElementAt(x.Count / 2);

    // The bench's scoring before: a Transform over LoadFromEnumerable (an array per row) per block of rows, one
    // block per thread; each cursor is split again by ML.NET across its own threads.
    private float[] TransformPerThreadEnumerable()
    {
        var result = new float[_rows];
        PerThread((from, to) =>
        {
            var output = model.Transform(enumerableView(from, to));
            using var cursor = output.GetRowCursor([output.Schema["Score"]]);
            var getter = cursor.GetGetter<float>(output.Schema["Score"]);
            float score = 0;
            for (var r = from; cursor.MoveNext(); r++)
            {
                getter(ref score);
                result[r] = score;
            }
        });
        return result;
    }

    // One Transform and one GetRowCursor, as ChurnWatch's MlNetClassifier.Score reads: ML.NET splits the cursor
    // across max(2, cores - 1) threads itself and hands rows back in batches of 64.
    private float[] TransformOneCursor()
    {
        var output = model.Transform(new MatrixView(values, columns));
        var result = new float[_rows];
        using var cursor = output.GetRowCursor([output.Schema["Score"]]);
        var getter = cursor.GetGetter<float>(output.Schema["Score"]);
        float score = 0;
        for (var r = 0; cursor.MoveNext(); r++)
        {
            getter(ref score);
            result[r] = score;
        }

        return result;
    }

    private float[] PredictionEnginePerThread()
    {
        var result = new float[_rows];
        PerThread((from, to) =>
        {
            using var engine = ml.Model.CreatePredictionEngine<Row, ScoreRow>(model, inputSchemaDefinition: rowSchema);
            var row = new Row { Features = new float[columns] };
            var prediction = new ScoreRow();
            for (var r = from; r < to; r++)
            {
                values.AsSpan(r * columns, columns).CopyTo(row.Features);
                engine.Predict(row, ref prediction);
                result[r] = prediction.Score;
            }
        });
        return result;
    }

    // The predictor's IValueMapper mapper on a dense VBuffer, skipping every IDataView: the least ML.NET code between
    // a row and its score. The interface is internal, so its implementation is reached with UnsafeAccessor.
    private float[] ValueMapperPerThread()
    {
        var result = new float[_rows];
        var trees = model.Model.SubModel;
        PerThread((from, to) =>
        {
            var buffer = new float[columns];
            for (var r = from; r < to; r++)
            {
                values.AsSpan(r * columns, columns).CopyTo(buffer);
                var row = new VBuffer<float>(columns, buffer);
                float score = 0;
                Map(trees, in row, ref score);
                result[r] = score;
            }
        });
        return result;
    }

    private void PerThread(Action<int, int> score)
    {
        var block = (_rows + threads - 1) / threads;
        var workers = Enumerable.Range(0, threads)
            .Select(t => new Thread(() => score(Math.Min(_rows, t * block), Math.Min(_rows, (t + 1) * block))))
            .ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Map")]
    private static extern void Map(TreeEnsembleModelParameters trees, in VBuffer<float> features, ref float score);

    /// <summary>The prediction engine's output row.</summary>
    private sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}
