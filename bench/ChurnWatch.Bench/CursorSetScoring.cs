using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChurnWatch.Bench;

/// <summary>
/// Batch scoring with ML.NET's own model, the fastest honest way measured (bench/README or the main README's gbdt
/// section): <c>Transform</c> over the rows, read through <c>GetRowCursorSet</c> with one cursor per thread, each
/// cursor over a contiguous range of a <see cref="MatrixView"/>. ML.NET computes every score (its tree walk is more than
/// 90% of the time); this only avoids the overheads around it: no array per row, no splitting of one cursor across
/// threads with 64-row hand-offs, exactly <c>threads</c> threads.
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
