using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>One AVX-512 compare of 64 byte ranks (two AVX2 compares of 32 where AVX-512 is missing).</summary>
internal readonly struct VectorSplitTest : ISplitTest
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe ulong Above(byte* ranks, byte rank)
    {
        unchecked
        {
            if (Vector512.IsHardwareAccelerated)
            {
                return Vector512.GreaterThan(Vector512.Load(ranks), Vector512.Create(rank)).ExtractMostSignificantBits();
            }

            var split = Vector256.Create(rank);
            ulong low = Vector256.GreaterThan(Vector256.Load(ranks), split).ExtractMostSignificantBits();
            ulong high = Vector256.GreaterThan(Vector256.Load(ranks + 32), split).ExtractMostSignificantBits();
            return low | (high << 32);
        }
    }
}
