namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// A node packed for scoring (16 bytes). Inner node: <see cref="Value"/> is the threshold, <see cref="Column"/> the
/// column (bitwise complement when missing values go left), <see cref="Left"/> the left child; the right child is
/// <c>Left + 1</c>. Leaf: <see cref="Left"/> is -1 and <see cref="Value"/> the leaf's output.
/// </summary>
internal readonly struct PredictionNode(double value, int column, int left)
{
    public double Value { get; } = value;

    public int Column { get; } = column;

    public int Left { get; } = left;
}
