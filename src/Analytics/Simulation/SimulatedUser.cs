namespace ChurnWatch.Analytics.Simulation;

/// <summary>A user of a simulated account: present from <see cref="JoinWeek"/> until before <see cref="LeaveWeek"/>.</summary>
internal sealed class SimulatedUser(int ordinal, int joinWeek, double propensity, bool isChampion)
{
    /// <summary>Number of the user inside its account (its id suffix).</summary>
    public int Ordinal { get; } = ordinal;

    /// <summary>First account week the user can be active.</summary>
    public int JoinWeek { get; } = joinWeek;

    /// <summary>First account week the user is gone; <see cref="int.MaxValue"/> while the user stays.</summary>
    public int LeaveWeek { get; set; } = int.MaxValue;

    /// <summary>How much this user uses the product when the account is healthy (0 to 1.5).</summary>
    public double Propensity { get; } = propensity;

    /// <summary>The internal champion: the heaviest user, whose departure hurts the account.</summary>
    public bool IsChampion { get; } = isChampion;

    /// <summary>True when the user belongs to the account during <paramref name="week"/>.</summary>
    public bool IsPresentIn(int week) => JoinWeek <= week && week < LeaveWeek;
}
