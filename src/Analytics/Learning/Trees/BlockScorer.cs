using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.MlNet;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// Scores rows 128 at a time, each tree evaluated for all of them at once as two 64-bit masks (bit r = row r).
/// <para>
/// Ranks instead of values: each column's values are replaced, once per block, by their rank among the model's
/// sorted distinct thresholds for that column (the number of thresholds below the value). For a sorted threshold
/// list t, <c>v &lt;= t[k]</c> exactly when <c>rank(v) &lt;= k</c>, so a split compares two small integers and
/// decides exactly as <c>value &lt;= threshold</c> in double would. A missing value gets rank 255, above every
/// split's rank, in the copy read by splits that send it right and 0, above none, in the copy read by splits that
/// send it left, so the default direction costs nothing. Ranks are bytes (a column of a trained model has at most 255 thresholds, one per bin boundary), so
/// one AVX-512 compare gives 64 rows' decisions at a split.
/// </para>
/// <para>
/// Complete trees: every tree (up to depth <see cref="MaxCompleteDepth"/>) is padded to a complete tree of its own
/// depth, heap-ordered, a shallow leaf copied into every leaf slot under it (its padding splits send everything
/// left). Level by level, the mask of rows at each node splits into its children's masks, and the rows that went
/// right at level d are bit d of their leaf number; no step branches on the data. Deeper trees, and trees whose
/// thresholds cannot be ranked (NaN, or a column with more than 255 thresholds, as only a hand-made file has), are
/// walked row by row with <see cref="ShapTree.Leaf"/>, the definition every path must agree with.
/// </para>
/// <para>
/// Each row's logit is the base score plus the trees' leaf values added in tree order, exactly as
/// <see cref="GradientBoostedTreesModel.PredictLogit"/> adds them, so batch and single-row scores are equal to the
/// bit, with or without vector instructions.
/// </para>
/// </summary>
internal sealed class BlockScorer
{
    /// <summary>Rows per 64-bit mask (bit r = row r).</summary>
    public const int WordRows = 64;

    /// <summary>Rows per block: two masks, so each split's data is read once for 128 rows.</summary>
    public const int BlockRows = 2 * WordRows;

    /// <summary>Deeper trees would pad to more than 256 leaves; they are walked row by row instead.</summary>
    private const int MaxCompleteDepth = 8;

    /// <summary>Most thresholds a ranked column may have: split ranks stay below 255, value ranks at most 255.</summary>
    private const int MaxThresholds = 255;

    /// <summary>Rank of a missing value for splits that send it right: above every split's rank (at most 254).</summary>
    private const byte MissingGoesRight = byte.MaxValue;

    /// <summary>Rank of a missing value for splits that send it left: above no split's rank.</summary>
    private const byte MissingGoesLeft = 0;

    /// <summary>Thresholds per group of the two-level rank (two AVX-512 registers of doubles).</summary>
    private const int GroupSize = 16;

    /// <summary>A slot's groups: 16 of 16 (room for 256 thresholds, +∞ after the last) and a 17th of +∞.</summary>
    private const int SlotGroupsLength = GroupSize * (GroupSize + 1);

    /// <summary>A column's block of ranks: 128 with missing values going right, then 128 with them going left.</summary>
    private const int SlotLength = 2 * BlockRows;

    private static readonly Vector512<byte>[] MultiShiftControls = CreateMultiShiftControls();

    private readonly double _baseScore;
    private readonly IReadOnlyList<ShapTree> _trees;

    // Per ranked column ("slot"): the model column and its sorted distinct thresholds.
    private readonly int[] _slotColumn;
    private readonly double[][] _slotThresholds;

    // Per slot, at SlotGroupsLength x slot: its thresholds in 16 groups of 16 (+∞ after the last, and a 17th group of
    // +∞); at GroupSize x slot: each group's largest. Ranking a value then takes two 16-wide counts, not a search.
    private readonly double[] _groups;
    private readonly double[] _groupLargest;

    // Per tree: depth of its complete form (-1: walked row by row), first split and first leaf in the arrays below.
    private readonly int[] _treeDepth;
    private readonly int[] _treeFirstSplit;
    private readonly int[] _treeFirstLeaf;

    // Per split of the complete trees, heap order: where its column's ranks start in the block, and its rank.
    private readonly int[] _splitRanksAt;
    private readonly byte[] _splitRank;
    private readonly double[] _leafValues;

    public BlockScorer(int columns, double baseScore, IReadOnlyList<ShapTree> trees)
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
            if (thresholdsOf[c] is { Count: <= MaxThresholds } set)
            {
                slotOf[c] = slotColumns.Count;
                slotColumns.Add(c);
                slotThresholds.Add([.. set]);
            }
        }

        _slotColumn = [.. slotColumns];
        _slotThresholds = [.. slotThresholds];
        SlotCount = _slotColumn.Length;
        _groups = new double[SlotCount * SlotGroupsLength];
        _groups.AsSpan().Fill(double.PositiveInfinity);
        _groupLargest = new double[SlotCount * GroupSize];
        for (var slot = 0; slot < SlotCount; slot++)
        {
            var groups = _groups.AsSpan(slot * SlotGroupsLength, SlotGroupsLength);
            _slotThresholds[slot].CopyTo(groups);
            for (var g = 0; g < GroupSize; g++)
            {
                _groupLargest[(slot * GroupSize) + g] = groups[(g * GroupSize) + GroupSize - 1];
            }
        }

        _treeDepth = new int[trees.Count];
        _treeFirstSplit = new int[trees.Count];
        _treeFirstLeaf = new int[trees.Count];
        var ranksAt = new List<int>();
        var ranks = new List<byte>();
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
            var splitRank = new byte[splits];
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

    /// <summary>Columns the block ranks; a block needs <see cref="SlotCount"/> x 256 bytes of scratch.</summary>
    public int SlotCount { get; }

    /// <summary>
    /// Logits of a block of at most 128 consecutive rows (row-major, <paramref name="columns"/> values each).
    /// <paramref name="vectorised"/> false takes the scalar path that machines without AVX2 take (tests compare both).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void ScoreBlock(ReadOnlySpan<double> values, int columns, Span<double> logits, Span<byte> ranks, bool vectorised)
    {
        if (ranks.Length < SlotCount * SlotLength || logits.Length > BlockRows || values.Length < logits.Length * columns)
        {
            throw new ArgumentException("The block's spans do not match the scorer.", nameof(ranks));
        }

        var count = logits.Length;
        var sums = stackalloc double[BlockRows];
        new Span<double>(sums, BlockRows).Fill(_baseScore);
        var rowsAt = stackalloc ulong[2 << MaxCompleteDepth];
        var wentRight = stackalloc ulong[2 * MaxCompleteDepth];
        var leafOf = stackalloc byte[BlockRows];
        var vectorCompare = vectorised && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated);
        var vectorLeaves = vectorised && Avx512Vbmi.IsSupported;
        var gatherLeaves = vectorised && Avx2.IsSupported;

        // The arrays were sized together in the constructor and every split's rank offset points inside a slot,
        // so the unchecked reads below stay inside them.
        fixed (double* firstValue = values)
        fixed (byte* firstRank = ranks)
        fixed (int* splitRanksAt = _splitRanksAt)
        fixed (byte* splitRank = _splitRank)
        fixed (double* leafValues = _leafValues)
        {
            Rank(firstValue, columns, count, firstRank, vectorised);
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

                    if (vectorCompare)
                    {
                        Levels<VectorSplitTest>(firstRank, splitRanksAt + _treeFirstSplit[t], splitRank + _treeFirstSplit[t], depth, rowsAt, wentRight);
                    }
                    else
                    {
                        Levels<ScalarSplitTest>(firstRank, splitRanksAt + _treeFirstSplit[t], splitRank + _treeFirstSplit[t], depth, rowsAt, wentRight);
                    }

                    if (vectorLeaves)
                    {
                        LeafNumbersVector(wentRight, depth, leafOf);
                        LeafNumbersVector(wentRight + MaxCompleteDepth, depth, leafOf + WordRows);
                    }
                    else
                    {
                        LeafNumbersScalar(wentRight, depth, leafOf);
                        LeafNumbersScalar(wentRight + MaxCompleteDepth, depth, leafOf + WordRows);
                    }

                    var leaves = leafValues + _treeFirstLeaf[t];
                    if (gatherLeaves)
                    {
                        // Every leaf number is below 2^depth, rows past the end included, so the gathers stay in the tree.
                        for (var r = 0; r < BlockRows; r += 4)
                        {
                            var leaf = Avx2.GatherVector256(leaves, Sse41.ConvertToVector128Int32(leafOf + r), 8);
                            Avx.Store(sums + r, Avx.Add(Avx.LoadVector256(sums + r), leaf));
                        }
                    }
                    else
                    {
                        for (var r = 0; r < count; r++)
                        {
                            sums[r] += leaves[leafOf[r]];
                        }
                    }
                }
            }
        }

        new Span<double>(sums, count).CopyTo(logits);
    }

    /// <summary>
    /// The rank of every ranked column's value in each row of the block (rows past the end: rank 0). A missing value
    /// counts no threshold below it, so its rank is 0 (= <see cref="MissingGoesLeft"/>) without a branch; the copy
    /// for splits that send it right is set to <see cref="MissingGoesRight"/>.
    /// </summary>
    private unsafe void Rank(double* values, int columns, int count, byte* ranks, bool vectorised)
    {
        unchecked
        {
            if (vectorised && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated))
            {
                // Row by row, so each row's values are read once and in order (128 rows of 50 doubles overflow L1).
                fixed (int* slotColumn = _slotColumn)
                fixed (double* groups = _groups)
                fixed (double* largest = _groupLargest)
                {
                    var slots = SlotCount;
                    for (var r = 0; r < count; r++)
                    {
                        var row = values + ((nint)r * columns);
                        var right = ranks + r;
                        var slotGroups = groups;
                        var slotLargest = largest;
                        for (var s = 0; s < slots; s++)
                        {
                            var v = row[slotColumn[s]];
                            var rank = (byte)CountBelowGrouped(slotGroups, slotLargest, v);
                            right[BlockRows] = rank;
                            right[0] = (byte)(rank | (double.IsNaN(v) ? MissingGoesRight : 0));
                            right += SlotLength;
                            slotGroups += SlotGroupsLength;
                            slotLargest += GroupSize;
                        }
                    }
                }
            }
            else
            {
                for (var s = 0; s < SlotCount; s++)
                {
                    var value = values + _slotColumn[s];
                    var right = ranks + (s * SlotLength);
                    var thresholds = _slotThresholds[s];
                    for (var r = 0; r < count; r++)
                    {
                        var v = value[(nint)r * columns];
                        var rank = (byte)SortedThresholds.CountBelow(thresholds, v);
                        right[BlockRows + r] = rank;
                        right[r] = (byte)(rank | (double.IsNaN(v) ? MissingGoesRight : 0));
                    }
                }
            }

            for (var s = 0; s < SlotCount && count < BlockRows; s++)
            {
                var right = ranks + (s * SlotLength);
                new Span<byte>(right + count, BlockRows - count).Clear();
                new Span<byte>(right + BlockRows + count, BlockRows - count).Clear();
            }
        }
    }

    /// <summary>
    /// How many thresholds are below v, in two 16-wide steps: the groups whose largest is below v hold only smaller
    /// thresholds (a group padded with +∞ never counts whole), then the count inside the next group.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int CountBelowGrouped(double* groups, double* largest, double v)
    {
        unchecked
        {
            var group = CountBelowSixteen(largest, v) * GroupSize;
            return group + CountBelowSixteen(groups + group, v);
        }
    }

    /// <summary>How many of 16 doubles are below v: two AVX-512 compares, or four AVX2 compares.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int CountBelowSixteen(double* sixteen, double v)
    {
        unchecked
        {
            if (Vector512.IsHardwareAccelerated)
            {
                var value = Vector512.Create(v);
                return BitOperations.PopCount(Vector512.LessThan(Vector512.Load(sixteen), value).ExtractMostSignificantBits()
                    | (Vector512.LessThan(Vector512.Load(sixteen + 8), value).ExtractMostSignificantBits() << 8));
            }

            var value256 = Vector256.Create(v);
            return BitOperations.PopCount(Vector256.LessThan(Vector256.Load(sixteen), value256).ExtractMostSignificantBits()
                | (Vector256.LessThan(Vector256.Load(sixteen + 4), value256).ExtractMostSignificantBits() << 4)
                | (Vector256.LessThan(Vector256.Load(sixteen + 8), value256).ExtractMostSignificantBits() << 8)
                | (Vector256.LessThan(Vector256.Load(sixteen + 12), value256).ExtractMostSignificantBits() << 12));
        }
    }

    /// <summary>
    /// Level by level through one complete tree: rowsAt[2i + w] holds word w of the rows at the level's node i; the
    /// right child's rows are its rows that go right, and those set bit d of their leaf number (the root's most
    /// significant). wentRight[d] and wentRight[MaxCompleteDepth + d] are the two words of level d.
    /// Generic over the split test so that each variant compiles to its own loop without a branch per split.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Levels<TSplitTest>(byte* ranks, int* splitRanksAt, byte* splitRank, int depth, ulong* rowsAt, ulong* wentRight)
        where TSplitTest : struct, ISplitTest
    {
        unchecked
        {
            rowsAt[0] = ulong.MaxValue;
            rowsAt[1] = ulong.MaxValue;
            nint levelFirst = 0;
            for (var d = 0; d < depth - 1; d++)
            {
                var right = 0UL;
                var right2 = 0UL;

                // Backwards, so each node's children overwrite only entries already read.
                for (nint i = (1 << d) - 1; i >= 0; i--)
                {
                    var split = levelFirst + i;
                    var at = ranks + splitRanksAt[split];
                    var rank = splitRank[split];
                    var here = rowsAt[2 * i];
                    var here2 = rowsAt[(2 * i) + 1];
                    var goRight = here & TSplitTest.Above(at, rank);
                    var goRight2 = here2 & TSplitTest.Above(at + WordRows, rank);
                    rowsAt[4 * i] = here ^ goRight;
                    rowsAt[(4 * i) + 1] = here2 ^ goRight2;
                    rowsAt[(4 * i) + 2] = goRight;
                    rowsAt[(4 * i) + 3] = goRight2;
                    right |= goRight;
                    right2 |= goRight2;
                }

                wentRight[d] = right;
                wentRight[MaxCompleteDepth + d] = right2;
                levelFirst += (nint)1 << d;
            }

            // The last level, half of the splits, only says which rows go right: no children to split into.
            if (depth > 0)
            {
                var right = 0UL;
                var right2 = 0UL;
                for (nint i = (1 << (depth - 1)) - 1; i >= 0; i--)
                {
                    var split = levelFirst + i;
                    var at = ranks + splitRanksAt[split];
                    var rank = splitRank[split];
                    right |= rowsAt[2 * i] & TSplitTest.Above(at, rank);
                    right2 |= rowsAt[(2 * i) + 1] & TSplitTest.Above(at + WordRows, rank);
                }

                wentRight[depth - 1] = right;
                wentRight[MaxCompleteDepth + depth - 1] = right2;
            }
        }
    }

    /// <summary>Row r's leaf number: bit r of each level's right-going mask, the root's most significant.</summary>
    private static unsafe void LeafNumbersScalar(ulong* wentRight, int depth, byte* leafOf)
    {
        for (var r = 0; r < WordRows; r++)
        {
            var leaf = 0;
            for (var d = 0; d < depth; d++)
            {
                leaf = (leaf << 1) | (int)((wentRight[d] >> r) & 1);
            }

            leafOf[r] = (byte)leaf;
        }
    }

    /// <summary>
    /// The same with AVX-512 VBMI: one multishift moves bit r of a level's mask into byte r at the level's bit
    /// position, for 64 rows at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void LeafNumbersVector(ulong* wentRight, int depth, byte* leafOf)
    {
        var leaf = Vector512<byte>.Zero;
        for (var d = 0; d < depth; d++)
        {
            var bit = depth - 1 - d;
            var moved = Avx512Vbmi.MultiShift(MultiShiftControls[bit], Vector512.Create(wentRight[d]));
            leaf |= moved & Vector512.Create((byte)(1 << bit));
        }

        leaf.Store(leafOf);
    }

    /// <summary>Per bit b: byte j of qword i takes the 8 bits from bit 8i + j - b (mod 64), so bit 8i + j lands on b.</summary>
    private static Vector512<byte>[] CreateMultiShiftControls()
    {
        var controls = new Vector512<byte>[MaxCompleteDepth];
        Span<byte> control = stackalloc byte[WordRows];
        for (var bit = 0; bit < MaxCompleteDepth; bit++)
        {
            for (var r = 0; r < WordRows; r++)
            {
                control[r] = (byte)((r - bit) & 63);
            }

            controls[bit] = Vector512.Create<byte>(control);
        }

        return controls;
    }

    /// <summary>Depth of the tree under node (at <paramref name="level"/>), or -1 when it cannot be scored as a complete tree.</summary>
    private static int CompleteDepth(ShapTree tree, int node, int level, int[] slotOf)
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
    private void Pad(ShapTree tree, int node, int heap, int[] splitRanksAt, byte[] splitRank, double[] leafValues, int[] slotOf)
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
        splitRank[heap] = (byte)Array.BinarySearch(_slotThresholds[slot], tree.Threshold[node]);
        Pad(tree, tree.Left[node], (2 * heap) + 1, splitRanksAt, splitRank, leafValues, slotOf);
        Pad(tree, tree.Right[node], (2 * heap) + 2, splitRanksAt, splitRank, leafValues, slotOf);
    }
}
