namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// A node packed for scoring (16 bytes). Inner node: <see cref="Value"/> is the threshold, <see cref="Column"/> the
/// column (bitwise complement when missing values go left), <see cref="Left"/> the left child; the right child is
/// <c>Left + 1</c>. Leaf: a node that sends every row to itself (threshold +∞, column ~0, left = itself); its output
/// is kept apart, so walks of a fixed number of steps end on it.
/// </summary>
internal readonly struct PredictionNode(double value, int column, int left)
{
    public double Value { get; } = value;

    public int Column { get; } = column;

    public int Left { get; } = left;
}
