namespace ChurnWatch.Analytics.History;

/// <summary>The highest support tier a ticket reached (L1 help desk, L2 specialists, L3 experts).</summary>
public enum SupportTier
{
    /// <summary>Help desk.</summary>
    L1 = 1,
    /// <summary>Specialists.</summary>
    L2 = 2,
    /// <summary>Experts.</summary>
    L3 = 3,
}
