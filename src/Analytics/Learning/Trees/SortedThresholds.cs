using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>Where a value falls among ascending thresholds: shared by binning (training) and ranking (scoring).</summary>
internal static class SortedThresholds
{
    /// <summary>How many of the ascending thresholds are below v (0 for NaN); branch-free binary search, fixed steps per length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountBelow(double[] thresholds, double v)
    {
        var n = thresholds.Length;
        if (n == 0)
        {
            return 0;
        }

        ref var first = ref MemoryMarshal.GetArrayDataReference(thresholds);
        var low = 0;
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
}
