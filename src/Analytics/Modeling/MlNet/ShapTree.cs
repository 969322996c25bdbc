namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// One tree as TreeSHAP reads it: parallel arrays indexed by node, the root at 0 (<see cref="TreeExplainer"/> puts an
/// ML.NET tree's internal nodes first, then its leaves). A leaf has <c>Slot == -1</c> and its <see cref="Value"/>
/// already includes the tree's weight. <see cref="Cover"/> is how many training rows passed through the node (what
/// TreeSHAP weighs the branches of an unknown slot by).
/// </summary>
internal sealed class ShapTree
{
    public ShapTree(int[] slot, double[] threshold, bool[] defaultLeft, int[] left, int[] right, double[] value, double[] cover)
    {
        Slot = slot;
        Threshold = threshold;
        DefaultLeft = defaultLeft;
        Left = left;
        Right = right;
        Value = value;
        Cover = cover;
    }

    public int[] Slot { get; }

    /// <summary>A row goes left when its value is at most the threshold; a missing value follows <see cref="DefaultLeft"/>.</summary>
    public double[] Threshold { get; }

    public bool[] DefaultLeft { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    public double[] Value { get; }

    public double[] Cover { get; }

    public int NodeCount => Slot.Length;

    public bool IsLeaf(int node) => Slot[node] < 0;

    public int Parent(int node) => Array.FindIndex(Left, l => l == node) is var p && p >= 0 ? p : Array.FindIndex(Right, r => r == node);

    public int Leaf(ReadOnlySpan<double> row)
    {
        var node = 0;
        while (Slot[node] >= 0)
        {
            var v = row[Slot[node]];
            node = (double.IsNaN(v) ? DefaultLeft[node] : v <= Threshold[node]) ? Left[node] : Right[node];
        }

        return node;
    }

    /// <summary>The tree's mean output over the training rows, weighting each leaf by its cover.</summary>
    public double ExpectedValue()
    {
        double total = 0;
        for (var node = 0; node < NodeCount; node++)
        {
            if (IsLeaf(node))
            {
                total += Value[node] * Cover[node];
            }
        }

        return total / Cover[0];
    }
}
