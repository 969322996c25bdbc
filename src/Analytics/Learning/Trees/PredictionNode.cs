using System.Runtime.InteropServices;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>
/// A node packed for scoring in 16 bytes, in this order (the AVX2 scorer reads it as two 8-byte lanes). Inner node:
/// <see cref="Value"/> is the threshold, the low 31 bits of <see cref="Column"/> the column and its sign bit set when
/// missing values go left, <see cref="Left"/> the left child; the right child is <c>Left + 1</c>. Leaf: a node that
/// sends every row to itself (threshold +∞, column 0 with missing going left, left = itself); its output is kept
/// apart, so walks of a fixed number of steps end on it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct PredictionNode(double value, int column, int left)
{
    public readonly double Value = value;
    public readonly int Column = column;
    public readonly int Left = left;
}
