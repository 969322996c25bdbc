using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Bench;

/// <summary>
/// Batch scoring with ML.NET's own model: <c>Transform</c> over the rows, read through <c>GetRowCursorSet</c> with one
/// cursor per thread, each over a contiguous range of a <see cref="MatrixView"/> (no array per row). The ways of
/// calling ML.NET that <see cref="ScoringMethods"/> compares tie within a shared machine's noise, as ML.NET's own
/// row-by-row tree walk is about 90% of the time in each; this one runs exactly <c>threads</c> threads, as XGBoost's
/// <c>nthread</c> does, where a single cursor lets ML.NET choose max(2, cores - 1).
/// </summary>
internal static class CursorSetScoring
{
    public static float[] Score(ITransformer model, MatrixView rows, int threads)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var output = model.Transform(rows);
        var score = output.Schema["Score"];
        var cursors = output.GetRowCursorSet([score], threads);
        var result = new float[rows.Rows];
        // A dedicated thread per cursor: Parallel.ForEach over two cursors was measured running both on one thread.
        var workers = cursors.Select(cursor => new Thread(() => Drain(cursor, score, result))).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return result;
    }

    private static void Drain(DataViewRowCursor cursor, DataViewSchema.Column score, float[] result)
    {
        using (cursor)
        {
            var getter = cursor.GetGetter<float>(score);
            var id = cursor.GetIdGetter();
            float value = 0;
            DataViewRowId row = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                id(ref row);
                result[checked((int)row.Low)] = value;
            }
        }
    }
}
