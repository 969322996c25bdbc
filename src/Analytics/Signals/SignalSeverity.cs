namespace ChurnWatch.Analytics.Signals;

/// <summary>How urgently an account manager should look at a signal.</summary>
public enum SignalSeverity
{
    /// <summary>Worth knowing.</summary>
    Info = 0,
    /// <summary>Act this week.</summary>
    Warning = 1,
    /// <summary>Act now.</summary>
    Critical = 2,
}
