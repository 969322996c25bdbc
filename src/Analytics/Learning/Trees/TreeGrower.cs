using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// Grows one regression tree on gradient pairs, depth-wise, from per-node histograms of the binned columns. Buffers
/// live across trees, so growing allocates little beyond the tree itself.
/// </summary>
/// <remarks>
/// Determinism: every parallel loop writes disjoint outputs (one column's histogram bins, one node's row segment, one
/// row's logit) and every reduction across columns or rows runs sequentially in a fixed order, so the tree does not
/// depend on the number of threads or their timing.
/// </remarks>
internal sealed class TreeGrower
{
    /// <summary>A child lighter than this is empty, whatever <see cref="GradientBoostingOptions.MinChildWeight"/> says.</summary>
    private const double EmptyHessian = 1e-12;

    /// <summary>How many rows ahead histogram building asks for a row's data (about a memory latency's worth of work).</summary>
    private const int PrefetchRows = 16;

    private readonly BinnedFeatures _bins;
    private readonly GradientBoostingOptions _options;
    private readonly ParallelOptions _parallel;
    private readonly int[] _rowIndex;
    private readonly int[] _scratch;
    private readonly Stack<GradientPair[]> _pool = new();
    private readonly TreeBuilder _tree = new();
    private readonly List<GrowingNode> _leaves = [];
    private bool _allRows;

    public TreeGrower(BinnedFeatures bins, GradientBoostingOptions options, ParallelOptions parallel)
    {
        _bins = bins;
        _options = options;
        _parallel = parallel;
        _rowIndex = new int[bins.Rows];
        _scratch = new int[bins.Rows];
    }

    /// <param name="gradients">One pair per training row.</param>
    /// <param name="sample">The rows this tree sees, ascending; null for all rows.</param>
    /// <param name="features">The columns this tree may split on, ascending.</param>
    public ShapTree Grow(GradientPair[] gradients, IReadOnlyList<int>? sample, int[] features)
    {
        var count = sample?.Count ?? _bins.Rows;
        _allRows = sample is null;
        for (var i = 0; i < count; i++)
        {
            _rowIndex[i] = sample is null ? i : sample[i];
        }

        _tree.Clear();
        _leaves.Clear();
        double g = 0, h = 0;
        for (var i = 0; i < count; i++)
        {
            var pair = gradients[_rowIndex[i]];
            g += pair.Gradient;
            h += pair.Hessian;
        }

        var root = new GrowingNode(_tree.Add(), 0, count, 0, g, h) { Histogram = Rent() };
        var level = new List<GrowingNode> { root };
        BuildHistograms(level, [], gradients, features);
        FindSplits(level, features);
        var leafCount = 1;
        while (level.Count > 0)
        {
            var splits = ChooseSplits(level, ref leafCount);
            foreach (var node in level)
            {
                if (!splits.Contains(node))
                {
                    _leaves.Add(node);
                    Return(node);
                }
            }

            if (splits.Count == 0)
            {
                break;
            }

            Parallel.For(0, splits.Count, _parallel, i => Partition(splits[i]));
            var children = new List<GrowingNode>(splits.Count * 2);
            var built = new List<GrowingNode>(splits.Count);
            var subtracted = new List<(GrowingNode Child, GrowingNode Built)>(splits.Count);
            foreach (var parent in splits)
            {
                var best = parent.Best;
                var left = new GrowingNode(_tree.Add(), parent.Begin, parent.Mid, parent.Depth + 1, best.LeftGradient, best.LeftHessian);
                var right = new GrowingNode(_tree.Add(), parent.Mid, parent.End, parent.Depth + 1, parent.Gradient - best.LeftGradient, parent.Hessian - best.LeftHessian);
                _tree.Split(parent.Id, best.Feature, _bins.Threshold(best.Feature, best.Bin), best.Bin, best.DefaultLeft, left.Id, right.Id, best.Gain);
                children.Add(left);
                children.Add(right);

                if (parent.Depth + 1 >= _options.MaxDepth)
                {
                    // The children are leaves whatever their rows say: no histograms needed.
                    Return(parent);
                    continue;
                }

                // Histogram subtraction: scan the rows of the smaller child, derive its sibling from the parent.
                var (small, large) = left.End - left.Begin <= right.End - right.Begin ? (left, right) : (right, left);
                small.Histogram = Rent();
                large.Histogram = parent.Histogram;
                parent.Histogram = null;
                built.Add(small);
                subtracted.Add((large, small));
            }

            if (built.Count > 0)
            {
                BuildHistograms(built, subtracted, gradients, features);
                FindSplits(children, features);
            }

            level = children;
        }

        foreach (var leaf in _leaves)
        {
            _tree.Leaf(leaf.Id, -leaf.Gradient / (leaf.Hessian + _options.L2) * _options.LearningRate, leaf.Hessian);
        }

        return _tree.Build();
    }

    /// <summary>Adds the last grown tree's output to every training row's logit.</summary>
    public void AddToLogits(ShapTree tree, double[] logits)
    {
        if (_allRows)
        {
            Parallel.For(0, _leaves.Count, _parallel, i =>
            {
                var leaf = _leaves[i];
                var value = tree.Value[leaf.Id];
                for (var k = leaf.Begin; k < leaf.End; k++)
                {
                    logits[_rowIndex[k]] += value;
                }
            });
            return;
        }

        var splitBins = _tree.SplitBins;
        const int Block = 8192;
        Parallel.For(0, (_bins.Rows + Block - 1) / Block, _parallel, block =>
        {
            var end = Math.Min(_bins.Rows, (block + 1) * Block);
            for (var r = block * Block; r < end; r++)
            {
                var node = 0;
                while (tree.Feature[node] >= 0)
                {
                    int bin = _bins.Bins[tree.Feature[node]][r];
                    var goLeft = bin == 0 ? tree.DefaultLeft[node] : bin <= splitBins[node];
                    node = goLeft ? tree.Left[node] : tree.Right[node];
                }

                logits[r] += tree.Value[node];
            }
        });
    }

    private List<GrowingNode> ChooseSplits(List<GrowingNode> level, ref int leafCount)
    {
        var candidates = level.Where(n => n.Depth < _options.MaxDepth && n.Best.Feature >= 0).ToList();
        if (_options.MaxLeaves is { } maxLeaves)
        {
            // Most gain first (ties by node order), as long as the leaf budget lasts.
            var chosen = new List<GrowingNode>();
            foreach (var node in candidates.OrderByDescending(n => n.Best.Gain).ThenBy(n => n.Id))
            {
                if (leafCount + 1 > maxLeaves)
                {
                    break;
                }

                chosen.Add(node);
                leafCount++;
            }

            return chosen.OrderBy(n => n.Id).ToList();
        }

        leafCount += candidates.Count;
        return candidates;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Partition(GrowingNode node)
    {
        var best = node.Best;
        var column = _bins.Bins[best.Feature];
        var splitBin = best.Bin;
        var defaultLeft = best.DefaultLeft;
        var write = node.Begin;
        var spilled = node.Begin;
        unchecked
        {
            for (var i = node.Begin; i < node.End; i++)
            {
                var r = _rowIndex[i];
                int bin = column[r];
                if (bin == 0 ? defaultLeft : bin <= splitBin)
                {
                    _rowIndex[write++] = r;
                }
                else
                {
                    _scratch[spilled++] = r;
                }
            }
        }

        Array.Copy(_scratch, node.Begin, _rowIndex, write, spilled - node.Begin);
        node.Mid = write;
    }

    private void BuildHistograms(List<GrowingNode> built, List<(GrowingNode Child, GrowingNode Built)> subtracted, GradientPair[] gradients, int[] features)
    {
        // Columns in groups, one per thread: each column's bins are summed by one thread in row order, so grouping
        // never changes a sum. Each group reads its columns' bytes of every row of the node from the row-major copy,
        // so more groups than threads would only read the rows more often (measured: slower).
        var groups = Math.Min(features.Length, _parallel.MaxDegreeOfParallelism);
        Parallel.For(0, groups, _parallel, group =>
        {
            var first = group * features.Length / groups;
            var last = (group + 1) * features.Length / groups;
            var columns = features.AsSpan(first, last - first);
            var offsets = new int[columns.Length];
            for (var k = 0; k < columns.Length; k++)
            {
                offsets[k] = _bins.Offsets[columns[k]];
            }

            foreach (var node in built)
            {
                foreach (var f in columns)
                {
                    node.Histogram!.AsSpan(_bins.Offsets[f], _bins.BinCounts[f]).Clear();
                }

                Accumulate(node.Histogram!, columns, offsets, gradients, _rowIndex.AsSpan(node.Begin, node.End - node.Begin));
            }

            foreach (var f in columns)
            {
                var offset = _bins.Offsets[f];
                var binCount = _bins.BinCounts[f];
                foreach (var (child, sibling) in subtracted)
                {
                    var target = child.Histogram!.AsSpan(offset, binCount);
                    var source = sibling.Histogram!.AsSpan(offset, binCount);
                    for (var b = 0; b < binCount; b++)
                    {
                        target[b].Gradient -= source[b].Gradient;
                        target[b].Hessian -= source[b].Hessian;
                    }
                }
            }
        });
    }

    /// <summary>
    /// Adds each row's gradient pair to its bin of each given column, rows in the given order. A pair is added as one
    /// 128-bit vector: two IEEE additions, the same bits as adding gradient and hessian one at a time.
    /// </summary>
    /// <param name="offsets">Where each column's bins start in the histogram.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(GradientPair[] histogram, ReadOnlySpan<int> columns, ReadOnlySpan<int> offsets, GradientPair[] gradients, ReadOnlySpan<int> rows)
    {
        // Bounds are by construction: a row index is below Rows, a cell's bin below its column's BinCounts.
        ref var bins = ref Unsafe.As<GradientPair, Vector128<double>>(ref MemoryMarshal.GetArrayDataReference(histogram));
        ref var pairs = ref Unsafe.As<GradientPair, Vector128<double>>(ref MemoryMarshal.GetArrayDataReference(gradients));
        ref var cells = ref MemoryMarshal.GetArrayDataReference(_bins.RowMajor);
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var offset = ref MemoryMarshal.GetReference(offsets);
        var width = (nint)_bins.Columns;
        var count = columns.Length;
        var prefetch = Sse.IsSupported;
        unchecked
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (prefetch && i + PrefetchRows < rows.Length)
                {
                    // A node's rows are scattered after a few splits: ask for a later row's cells and pair now, so
                    // their cache misses overlap with this row's work instead of stalling it.
                    var ahead = rows[i + PrefetchRows];
                    Prefetch(ref Unsafe.Add(ref cells, ahead * width));
                    Prefetch(ref Unsafe.Add(ref cells, (ahead * width) + width - 1));
                    Prefetch(ref Unsafe.As<Vector128<double>, byte>(ref Unsafe.Add(ref pairs, ahead)));
                }

                var r = rows[i];
                var pair = Unsafe.Add(ref pairs, r);
                ref var row = ref Unsafe.Add(ref cells, r * width);
                var k = 0;
                for (; k + 4 <= count; k += 4)
                {
                    // Four independent bins per step: a run of rows in one bin of one column (a store-to-load
                    // dependency) overlaps with the other three columns' updates.
                    ref var b0 = ref Unsafe.Add(ref bins, Unsafe.Add(ref offset, k) + Unsafe.Add(ref row, Unsafe.Add(ref column, k)));
                    ref var b1 = ref Unsafe.Add(ref bins, Unsafe.Add(ref offset, k + 1) + Unsafe.Add(ref row, Unsafe.Add(ref column, k + 1)));
                    ref var b2 = ref Unsafe.Add(ref bins, Unsafe.Add(ref offset, k + 2) + Unsafe.Add(ref row, Unsafe.Add(ref column, k + 2)));
                    ref var b3 = ref Unsafe.Add(ref bins, Unsafe.Add(ref offset, k + 3) + Unsafe.Add(ref row, Unsafe.Add(ref column, k + 3)));
                    b0 += pair;
                    b1 += pair;
                    b2 += pair;
                    b3 += pair;
                }

                for (; k < count; k++)
                {
                    Unsafe.Add(ref bins, Unsafe.Add(ref offset, k) + Unsafe.Add(ref row, Unsafe.Add(ref column, k))) += pair;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref byte address) => Sse.Prefetch0(Unsafe.AsPointer(ref address));

    private void FindSplits(List<GrowingNode> nodes, int[] features)
    {
        var found = new SplitCandidate[nodes.Count * features.Length];
        Parallel.For(0, features.Length, _parallel, fi =>
        {
            for (var n = 0; n < nodes.Count; n++)
            {
                found[(n * features.Length) + fi] = BestSplit(nodes[n], features[fi]);
            }
        });

        for (var n = 0; n < nodes.Count; n++)
        {
            var best = SplitCandidate.None;
            for (var fi = 0; fi < features.Length; fi++)
            {
                var candidate = found[(n * features.Length) + fi];
                if (candidate.Gain > best.Gain)
                {
                    best = candidate;
                }
            }

            nodes[n].Best = best;
        }
    }

    private SplitCandidate BestSplit(GrowingNode node, int feature)
    {
        var histogram = node.Histogram!.AsSpan(_bins.Offsets[feature], _bins.BinCounts[feature]);
        var lambda = _options.L2;
        var minWeight = Math.Max(_options.MinChildWeight, EmptyHessian);
        var g = node.Gradient;
        var h = node.Hessian;
        var parentScore = g * g / (h + lambda);
        var missing = histogram[0];
        var hasMissing = missing.Hessian > 0;
        var best = SplitCandidate.None;
        double accG = 0, accH = 0;
        for (var b = 1; b < histogram.Length; b++)
        {
            accG += histogram[b].Gradient;
            accH += histogram[b].Hessian;
            Try(accG, accH, b, false, ref best);
            if (hasMissing)
            {
                Try(accG + missing.Gradient, accH + missing.Hessian, b, true, ref best);
            }
        }

        if (best.Feature >= 0 && !hasMissing)
        {
            // No missing values reached this node: send unseen ones to the heavier child.
            best.DefaultLeft = best.LeftHessian >= h - best.LeftHessian;
        }

        return best;

        void Try(double leftG, double leftH, int bin, bool defaultLeft, ref SplitCandidate best)
        {
            var rightG = g - leftG;
            var rightH = h - leftH;
            if (leftH < minWeight || rightH < minWeight)
            {
                return;
            }

            var gain = (leftG * leftG / (leftH + lambda)) + (rightG * rightG / (rightH + lambda)) - parentScore - _options.MinSplitGain;
            if (gain > best.Gain)
            {
                best = new SplitCandidate(gain, feature, bin, defaultLeft, leftG, leftH);
            }
        }
    }

    private GradientPair[] Rent() => _pool.Count > 0 ? _pool.Pop() : new GradientPair[_bins.Offsets[^1]];

    private void Return(GrowingNode node)
    {
        if (node.Histogram is { } histogram)
        {
            _pool.Push(histogram);
            node.Histogram = null;
        }
    }

    private sealed class GrowingNode(int id, int begin, int end, int depth, double gradient, double hessian)
    {
        public int Id { get; } = id;

        public int Begin { get; } = begin;

        public int End { get; } = end;

        public int Mid { get; set; }

        public int Depth { get; } = depth;

        public double Gradient { get; } = gradient;

        public double Hessian { get; } = hessian;

        public GradientPair[]? Histogram { get; set; }

        public SplitCandidate Best { get; set; } = SplitCandidate.None;
    }

    private struct SplitCandidate(double gain, int feature, int bin, bool defaultLeft, double leftGradient, double leftHessian)
    {
        public static SplitCandidate None => new(0, -1, 0, false, 0, 0);

        public double Gain { get; } = gain;

        public int Feature { get; } = feature;

        public int Bin { get; } = bin;

        public bool DefaultLeft { get; set; } = defaultLeft;

        public double LeftGradient { get; } = leftGradient;

        public double LeftHessian { get; } = leftHessian;
    }
}
