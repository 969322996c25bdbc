namespace ChurnWatch.Analytics.Simulation;

/// <summary>
/// Derives independent seeds from the main seed, so each account (and each stream of an account) draws from its own
/// <see cref="Random"/> and the output never depends on the order or the thread accounts are simulated on.
/// </summary>
internal static class SeedMixer
{
    /// <summary>A well-mixed non-negative seed for <paramref name="stream"/> of item <paramref name="index"/>.</summary>
    public static int Derive(int seed, int index, int stream)
    {
        unchecked
        {
            // SplitMix64 finaliser: nearby inputs (account 1, account 2) give unrelated outputs.
            var z = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL)
                ^ ((ulong)(uint)index * 0xD1B54A32D192ED03UL)
                ^ ((ulong)(uint)stream * 0x8CB92BA72F3D8DD7UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFF_FFFF);
        }
    }
}
