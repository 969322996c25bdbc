using ChurnWatch.Analytics.Modeling;
namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// The training matrix as one byte per cell, twice: column-major (one array per column), which partitioning a node
/// by one column reads, and row-major, which histogram building reads (a node's rows are scattered after a few
/// splits, and one row's bytes share a cache line where one column's would each cost a line). Bin 0 holds missing
/// values; value bin b (1-based) holds v with edges[b-2] &lt; v &lt;= edges[b-1].
/// </summary>
internal sealed class BinnedFeatures
{
    /// <summary>Column values looked at to place the quantile edges: a fixed stride through the rows, so it is deterministic.</summary>
    private const int EdgeSampleSize = 200_000;

    private BinnedFeatures(byte[][] bins, byte[] rowMajor, double[][] edges, int rows)
    {
        Bins = bins;
        RowMajor = rowMajor;
        Edges = edges;
        Rows = rows;
        BinCounts = edges.Select(e => e.Length + 2).ToArray();
        Offsets = new int[edges.Length + 1];
        for (var f = 0; f < edges.Length; f++)
        {
            Offsets[f + 1] = Offsets[f] + BinCounts[f];
        }
    }

    /// <summary>Column-major: Bins[column][row].</summary>
    public byte[][] Bins { get; }

    /// <summary>Row-major: RowMajor[row * Columns + column].</summary>
    public byte[] RowMajor { get; }

    /// <summary>Ascending cut points per column; a value goes to the first bin whose edge is at least the value.</summary>
    public double[][] Edges { get; }

    /// <summary>Bins per column, counting the missing bin.</summary>
    public int[] BinCounts { get; }

    /// <summary>Where each column's bins start in a node histogram; the last entry is the histogram's length.</summary>
    public int[] Offsets { get; }

    public int Rows { get; }

    public int Columns => Bins.Length;

    /// <summary>The raw threshold of "bin &lt;= valueBin goes left": the bin's upper edge, or +∞ for the last bin.</summary>
    public double Threshold(int column, int valueBin)
    {
        var edges = Edges[column];
        return valueBin - 1 < edges.Length ? edges[valueBin - 1] : double.PositiveInfinity;
    }

    public static BinnedFeatures Create(FeatureMatrix x, int maxBins, ParallelOptions parallel)
    {
        var columns = x.Columns;
        var rows = x.Rows;
        var edges = new double[columns][];
        Parallel.For(0, columns, parallel, f => edges[f] = QuantileEdges(x, f, maxBins));

        var bins = new byte[columns][];
        for (var f = 0; f < columns; f++)
        {
            bins[f] = new byte[rows];
        }

        var rowMajor = new byte[(long)rows * columns];

        // Row blocks read the row-major matrix sequentially; every cell is written by exactly one block.
        const int Block = 16_384;
        var blocks = (rows + Block - 1) / Block;
        Parallel.For(0, blocks, parallel, block =>
        {
            var end = Math.Min(rows, (block + 1) * Block);
            for (var r = block * Block; r < end; r++)
            {
                var row = x.Row(r);
                var cells = rowMajor.AsSpan(r * columns, columns);
                for (var f = 0; f < columns; f++)
                {
                    var bin = (byte)BinOf(edges[f], row[f]);
                    bins[f][r] = bin;
                    cells[f] = bin;
                }
            }
        });

        return new BinnedFeatures(bins, rowMajor, edges, rows);
    }

    /// <summary>0 for NaN, else 1 + the number of edges below the value.</summary>
    public static int BinOf(double[] edges, double value) =>
        double.IsNaN(value) ? 0 : 1 + SortedThresholds.CountBelow(edges, value);

    private static double[] QuantileEdges(FeatureMatrix x, int column, int maxBins)
    {
        var stride = Math.Max(1, x.Rows / EdgeSampleSize);
        var sample = new List<double>((x.Rows / stride) + 1);
        for (var r = 0; r < x.Rows; r += stride)
        {
            var v = x[r, column];
            if (!double.IsNaN(v))
            {
                sample.Add(v);
            }
        }

        if (sample.Count == 0)
        {
            return [];
        }

        sample.Sort();
        var distinct = new List<double>();
        foreach (var v in sample)
        {
            if (distinct.Count == 0 || distinct[^1] != v)
            {
                distinct.Add(v);
            }
        }

        var cuts = new List<double>();
        if (distinct.Count <= maxBins)
        {
            // Few distinct values: one bin each; the largest needs no upper edge.
            cuts.AddRange(distinct.Take(distinct.Count - 1));
        }
        else
        {
            for (var i = 1; i < maxBins; i++)
            {
                var v = sample[(int)((long)i * sample.Count / maxBins)];
                if ((cuts.Count == 0 || cuts[^1] < v) && v < distinct[^1])
                {
                    cuts.Add(v);
                }
            }
        }

        return cuts.ToArray();
    }
}
