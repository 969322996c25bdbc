using System.Runtime.CompilerServices;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>One comparison per row: the path of machines without vector instructions, and the reference in tests.</summary>
internal readonly struct ScalarSplitTest : ISplitTest
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe ulong Above(byte* ranks, byte rank)
    {
        unchecked
        {
            var above = 0UL;
            for (var r = 0; r < BlockScorer.WordRows; r++)
            {
                above |= (ranks[r] > rank ? 1UL : 0UL) << r;
            }

            return above;
        }
    }
}
