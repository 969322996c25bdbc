using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// Scores rows 64 at a time, each tree evaluated for the 64 rows at once as bit masks (bit r = row r).
/// <para>
/// Ranks instead of values: each column's values are replaced, once per block, by their rank among the model's
/// sorted distinct thresholds for that column (the number of thresholds below the value). For a sorted threshold
/// list t, <c>v &lt;= t[k]</c> exactly when <c>rank(v) &lt;= k</c>, so a split compares two small integers and
/// decides exactly as <c>value &lt;= threshold</c> in double would. A missing value gets the rank above every
/// threshold for splits that send it right and -1 for splits that send it left, so the default direction costs
/// nothing. One 64-row block of 16-bit ranks is 128 bytes per column: two AVX-512 compares give the split's
/// 64 decisions.
/// </para>
/// <para>
/// Complete trees: every tree (up to depth <see cref="MaxCompleteDepth"/>) is padded to a complete tree of its own
/// depth, heap-ordered, a shallow leaf copied into every leaf slot under it (its padding splits send everything
/// left). Level by level, the mask of rows at each node splits into its children's masks, and the rows that went
/// right at level d are bit d of their leaf number; no step branches on the data. Deeper trees, and trees whose
/// thresholds cannot be ranked (NaN, or a column with more thresholds than a 16-bit rank holds), are walked row by
/// row with <see cref="RegressionTree.Leaf"/>, the definition every path must agree with.
/// </para>
/// <para>
/// Each row's logit is the base score plus the trees' leaf values added in tree order, exactly as
/// <see cref="GradientBoostedTreesModel.PredictLogit"/> adds them, so batch and single-row scores are equal to the
/// bit, with or without vector instructions.
/// </para>
/// </summary>
internal sealed class BlockScorer
{
    /// <summary>Rows per block: one bit each in a 64-bit mask.</summary>
    public const int BlockRows = 64;

    /// <summary>Deeper trees would pad to more than 256 leaves; they are walked row by row instead.</summary>
    private const int MaxCompleteDepth = 8;

    /// <summary>Rank of a missing value for splits that send it right: above every threshold rank.</summary>
    private const short MissingGoesRight = short.MaxValue;

    /// <summary>Rank of a missing value for splits that send it left: below every threshold rank.</summary>
    private const short MissingGoesLeft = -1;

    /// <summary>Thresholds per group of the two-level rank (two AVX-512 registers of doubles).</summary>
    private const int GroupSize = 16;

    /// <summary>A column's block of ranks: 64 with missing values going right, then 64 with them going left.</summary>
    private const int SlotLength = 2 * BlockRows;

    private static readonly Vector512<byte>[] MultiShiftControls = CreateMultiShiftControls();

    private readonly double _baseScore;
    private readonly IReadOnlyList<RegressionTree> _trees;

    // Per ranked column ("slot"): the model column and its sorted distinct thresholds.
    private readonly int[] _slotColumn;
    private readonly double[][] _slotThresholds;

    // Per slot with at most 256 thresholds (null otherwise): the thresholds in 16 groups of 16 (+∞ after the last,
    // and a 17th group of +∞), and each group's largest. Ranking a value then takes two 16-wide counts, not a search.
    private readonly double[]?[] _slotGroups;
    private readonly double[]?[] _slotGroupLargest;

    // Per tree: depth of its complete form (-1: walked row by row), first split and first leaf in the arrays below.
    private readonly int[] _treeDepth;
    private readonly int[] _treeFirstSplit;
    private readonly int[] _treeFirstLeaf;

    // Per split of the complete trees, heap order: where its column's ranks start in the block, and its rank.
    private readonly int[] _splitRanksAt;
    private readonly short[] _splitRank;
    private readonly double[] _leafValues;

    public BlockScorer(int columns, double baseScore, IReadOnlyList<RegressionTree> trees)
    {
        _baseScore = baseScore;
        _trees = trees;

        // Thresholds of every column, over all trees.
        var thresholdsOf = new SortedSet<double>?[columns];
        foreach (var tree in trees)
        {
            for (var node = 0; node < tree.NodeCount; node++)
            {
                if (!tree.IsLeaf(node) && !double.IsNaN(tree.Threshold[node]))
                {
                    (thresholdsOf[tree.Feature[node]] ??= []).Add(tree.Threshold[node]);
                }
            }
        }

        // SortedSet keeps one of -0.0 and 0.0 (they compare equal), which decides every value the same way.
        var slotOf = new int[columns];
        var slotColumns = new List<int>();
        var slotThresholds = new List<double[]>();
        for (var c = 0; c < columns; c++)
        {
            slotOf[c] = -1;
            if (thresholdsOf[c] is { Count: < MissingGoesRight } set)
            {
                slotOf[c] = slotColumns.Count;
                slotColumns.Add(c);
                slotThresholds.Add([.. set]);
            }
        }

        _slotColumn = [.. slotColumns];
        _slotThresholds = [.. slotThresholds];
        SlotCount = _slotColumn.Length;
        _slotGroups = new double[]?[SlotCount];
        _slotGroupLargest = new double[]?[SlotCount];
        for (var slot = 0; slot < SlotCount; slot++)
        {
            var thresholds = _slotThresholds[slot];
            if (thresholds.Length <= GroupSize * GroupSize)
            {
                var groups = new double[GroupSize * (GroupSize + 1)];
                groups.AsSpan().Fill(double.PositiveInfinity);
                thresholds.CopyTo(groups, 0);
                var largest = new double[GroupSize];
                for (var g = 0; g < GroupSize; g++)
                {
                    largest[g] = groups[(g * GroupSize) + GroupSize - 1];
                }

                _slotGroups[slot] = groups;
                _slotGroupLargest[slot] = largest;
            }
        }

        _treeDepth = new int[trees.Count];
        _treeFirstSplit = new int[trees.Count];
        _treeFirstLeaf = new int[trees.Count];
        var ranksAt = new List<int>();
        var ranks = new List<short>();
        var leaves = new List<double>();
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var depth = CompleteDepth(tree, 0, 0, slotOf);
            _treeDepth[t] = depth;
            _treeFirstSplit[t] = ranksAt.Count;
            _treeFirstLeaf[t] = leaves.Count;
            if (depth < 0)
            {
                continue;
            }

            var splits = (1 << depth) - 1;
            var splitRanksAt = new int[splits];
            var splitRank = new short[splits];
            var leafValues = new double[1 << depth];
            Pad(tree, 0, 0, splitRanksAt, splitRank, leafValues, slotOf);
            ranksAt.AddRange(splitRanksAt);
            ranks.AddRange(splitRank);
            leaves.AddRange(leafValues);
        }

        _splitRanksAt = [.. ranksAt];
        _splitRank = [.. ranks];
        _leafValues = [.. leaves];
    }

    /// <summary>Columns the block ranks; a block needs <see cref="SlotCount"/> x 128 shorts of scratch.</summary>
    public int SlotCount { get; }

    /// <summary>
    /// Logits of a block of at most 64 consecutive rows (row-major, <paramref name="columns"/> values each).
    /// <paramref name="vectorised"/> false takes the scalar path that machines without AVX2 take (tests compare both).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ScoreBlock(ReadOnlySpan<double> values, int columns, Span<double> logits, Span<short> ranks, bool vectorised)
    {
        var count = logits.Length;
        Rank(values, columns, count, ranks, vectorised);
        Span<double> sums = stackalloc double[BlockRows];
        sums.Fill(_baseScore);
        Span<ulong> rowsAt = stackalloc ulong[1 << MaxCompleteDepth];
        Span<ulong> wentRight = stackalloc ulong[MaxCompleteDepth];
        Span<byte> leafOf = stackalloc byte[BlockRows];
        var vectorCompare = vectorised && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated);
        var vectorLeaves = vectorised && Avx512Vbmi.IsSupported;
        ref var firstRank = ref MemoryMarshal.GetReference(ranks);
        unchecked
        {
            for (var t = 0; t < _treeDepth.Length; t++)
            {
                var depth = _treeDepth[t];
                if (depth < 0)
                {
                    var tree = _trees[t];
                    for (var r = 0; r < count; r++)
                    {
                        sums[r] += tree.Value[tree.Leaf(values.Slice(r * columns, columns))];
                    }

                    continue;
                }

                // Level by level: rowsAt[i] holds the rows at the level's node i; the right child's rows are its
                // rows that go right, and they set bit d of the leaf number (read most significant first).
                rowsAt[0] = ulong.MaxValue;
                var firstSplit = _treeFirstSplit[t];
                for (var d = 0; d < depth; d++)
                {
                    var levelFirst = firstSplit + (1 << d) - 1;
                    var right = 0UL;

                    // Backwards, so each node's children overwrite only entries already read.
                    for (var i = (1 << d) - 1; i >= 0; i--)
                    {
                        var split = levelFirst + i;
                        ref var splitRanks = ref Unsafe.Add(ref firstRank, _splitRanksAt[split]);
                        var above = vectorCompare ? AboveVector(ref splitRanks, _splitRank[split]) : AboveScalar(ref splitRanks, _splitRank[split]);
                        var here = rowsAt[i];
                        var goRight = here & above;
                        rowsAt[(2 * i) + 1] = goRight;
                        rowsAt[2 * i] = here ^ goRight;
                        right |= goRight;
                    }

                    wentRight[d] = right;
                }

                if (vectorLeaves)
                {
                    LeafNumbersVector(wentRight[..depth], leafOf);
                }
                else
                {
                    LeafNumbersScalar(wentRight[..depth], leafOf);
                }

                var leaves = _leafValues.AsSpan(_treeFirstLeaf[t], 1 << depth);
                for (var r = 0; r < count; r++)
                {
                    sums[r] += leaves[leafOf[r]];
                }
            }
        }

        sums[..count].CopyTo(logits);
    }

    /// <summary>The rank of every ranked column's value in each row of the block (rows past the end: rank 0).</summary>
    private void Rank(ReadOnlySpan<double> values, int columns, int count, Span<short> ranks, bool vectorised)
    {
        for (var s = 0; s < _slotColumn.Length; s++)
        {
            var column = _slotColumn[s];
            var thresholds = _slotThresholds[s];
            var groups = _slotGroups[s];
            var largest = _slotGroupLargest[s];
            var grouped = vectorised && Vector512.IsHardwareAccelerated && groups is not null && largest is not null;
            var right = ranks.Slice(s * SlotLength, BlockRows);
            var left = ranks.Slice((s * SlotLength) + BlockRows, BlockRows);
            for (var r = 0; r < count; r++)
            {
                var v = values[(r * columns) + column];
                if (double.IsNaN(v))
                {
                    right[r] = MissingGoesRight;
                    left[r] = MissingGoesLeft;
                }
                else
                {
                    right[r] = left[r] = (short)(grouped ? CountBelowGrouped(groups!, largest!, v) : CountBelow(thresholds, v));
                }
            }

            right[count..].Clear();
            left[count..].Clear();
        }
    }

    /// <summary>
    /// How many thresholds are below v, in two 16-wide steps: the groups whose largest is below v hold only smaller
    /// thresholds (a group padded with +∞ never counts whole), then the count inside the next group.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountBelowGrouped(double[] groups, double[] largest, double v)
    {
        var value = Vector512.Create(v);
        ref var firstLargest = ref MemoryMarshal.GetArrayDataReference(largest);
        var below = Vector512.LessThan(Vector512.LoadUnsafe(ref firstLargest), value).ExtractMostSignificantBits()
            | (Vector512.LessThan(Vector512.LoadUnsafe(ref firstLargest, 8), value).ExtractMostSignificantBits() << 8);
        var group = BitOperations.PopCount(below);
        ref var first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(groups), group * GroupSize);
        below = Vector512.LessThan(Vector512.LoadUnsafe(ref first), value).ExtractMostSignificantBits()
            | (Vector512.LessThan(Vector512.LoadUnsafe(ref first, 8), value).ExtractMostSignificantBits() << 8);
        return (group * GroupSize) + BitOperations.PopCount(below);
    }

    /// <summary>How many of the sorted thresholds are below v (branch-free binary search: fixed steps per column).</summary>
    private static int CountBelow(double[] thresholds, double v)
    {
        ref var first = ref MemoryMarshal.GetArrayDataReference(thresholds);
        var low = 0;
        var n = thresholds.Length;
        unchecked
        {
            while (n > 1)
            {
                var half = n >> 1;
                // Arithmetic, not a conditional jump: on real data the comparison is a coin flip, which mispredicts.
                low += half & -(Unsafe.Add(ref first, low + half) < v ? 1 : 0);
                n -= half;
            }

            return low + (Unsafe.Add(ref first, low) < v ? 1 : 0);
        }
    }

    /// <summary>Bit r set when row r's rank is above the split's rank, i.e. the row goes right.</summary>
    private static ulong AboveScalar(ref short ranks, short rank)
    {
        var above = 0UL;
        for (var r = 0; r < BlockRows; r++)
        {
            above |= (Unsafe.Add(ref ranks, r) > rank ? 1UL : 0UL) << r;
        }

        return above;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AboveVector(ref short ranks, short rank)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var split = Vector512.Create(rank);
            ulong low = Vector512.GreaterThan(Vector512.LoadUnsafe(ref ranks), split).ExtractMostSignificantBits();
            ulong high = Vector512.GreaterThan(Vector512.LoadUnsafe(ref ranks, 32), split).ExtractMostSignificantBits();
            return low | (high << 32);
        }

        var split256 = Vector256.Create(rank);
        var above = 0UL;
        for (var r = 0; r < BlockRows; r += 16)
        {
            above |= (ulong)Vector256.GreaterThan(Vector256.LoadUnsafe(ref ranks, (nuint)r), split256).ExtractMostSignificantBits() << r;
        }

        return above;
    }

    /// <summary>Row r's leaf number: bit r of each level's right-going mask, the root's most significant.</summary>
    private static void LeafNumbersScalar(ReadOnlySpan<ulong> wentRight, Span<byte> leafOf)
    {
        for (var r = 0; r < BlockRows; r++)
        {
            var leaf = 0;
            foreach (var right in wentRight)
            {
                leaf = (leaf << 1) | (int)((right >> r) & 1);
            }

            leafOf[r] = (byte)leaf;
        }
    }

    /// <summary>
    /// The same with AVX-512 VBMI: one multishift moves bit r of a level's mask into byte r at the level's bit
    /// position, for all 64 rows at once.
    /// </summary>
    private static void LeafNumbersVector(ReadOnlySpan<ulong> wentRight, Span<byte> leafOf)
    {
        var leaf = Vector512<byte>.Zero;
        var depth = wentRight.Length;
        for (var d = 0; d < depth; d++)
        {
            var bit = depth - 1 - d;
            var moved = Avx512Vbmi.MultiShift(MultiShiftControls[bit], Vector512.Create(wentRight[d]));
            leaf |= moved & Vector512.Create((byte)(1 << bit));
        }

        leaf.StoreUnsafe(ref MemoryMarshal.GetReference(leafOf));
    }

    /// <summary>Per bit b: byte j of qword i takes the 8 bits from bit 8i + j - b (mod 64), so bit 8i + j lands on b.</summary>
    private static Vector512<byte>[] CreateMultiShiftControls()
    {
        var controls = new Vector512<byte>[MaxCompleteDepth];
        Span<byte> control = stackalloc byte[BlockRows];
        for (var bit = 0; bit < MaxCompleteDepth; bit++)
        {
            for (var r = 0; r < BlockRows; r++)
            {
                control[r] = (byte)((r - bit) & 63);
            }

            controls[bit] = Vector512.Create<byte>(control);
        }

        return controls;
    }

    /// <summary>Depth of the tree under node (at <paramref name="level"/>), or -1 when it cannot be scored as a complete tree.</summary>
    private static int CompleteDepth(RegressionTree tree, int node, int level, int[] slotOf)
    {
        if (tree.IsLeaf(node))
        {
            return 0;
        }

        // Stops at the limit, so a long chain in a hand-made model file costs no deep recursion.
        if (level >= MaxCompleteDepth || double.IsNaN(tree.Threshold[node]) || slotOf[tree.Feature[node]] < 0)
        {
            return -1;
        }

        var left = CompleteDepth(tree, tree.Left[node], level + 1, slotOf);
        var right = CompleteDepth(tree, tree.Right[node], level + 1, slotOf);
        return left < 0 || right < 0 ? -1 : 1 + Math.Max(left, right);
    }

    /// <summary>Writes the subtree under node into heap slot <paramref name="heap"/> of the complete tree.</summary>
    private void Pad(RegressionTree tree, int node, int heap, int[] splitRanksAt, short[] splitRank, double[] leafValues, int[] slotOf)
    {
        if (heap >= splitRanksAt.Length)
        {
            leafValues[heap - splitRanksAt.Length] = tree.Value[node];
            return;
        }

        if (tree.IsLeaf(node))
        {
            // Nothing ranks above MissingGoesRight, so every row goes left; both children copy the leaf anyway.
            splitRanksAt[heap] = 0;
            splitRank[heap] = MissingGoesRight;
            Pad(tree, node, (2 * heap) + 1, splitRanksAt, splitRank, leafValues, slotOf);
            Pad(tree, node, (2 * heap) + 2, splitRanksAt, splitRank, leafValues, slotOf);
            return;
        }

        var slot = slotOf[tree.Feature[node]];
        splitRanksAt[heap] = (slot * SlotLength) + (tree.DefaultLeft[node] ? BlockRows : 0);
        splitRank[heap] = (short)Array.BinarySearch(_slotThresholds[slot], tree.Threshold[node]);
        Pad(tree, tree.Left[node], (2 * heap) + 1, splitRanksAt, splitRank, leafValues, slotOf);
        Pad(tree, tree.Right[node], (2 * heap) + 2, splitRanksAt, splitRank, leafValues, slotOf);
    }
}
