using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>What the dashboard says about an account's newest score, as the score step stored it.</summary>
/// <param name="Reasons">The behavioural reasons, strongest first (protective for a safe account).</param>
/// <param name="Context">Contract, plan, tenure and renewal in one line; empty for a score stored before it was kept.</param>
/// <param name="Changes">What moved the score since a week earlier, largest first.</param>
public sealed record ScoreWords(IReadOnlyList<ScoreReason> Reasons, string Context, IReadOnlyList<ScoreReason> Changes)
{
    /// <summary>An account never scored.</summary>
    public static ScoreWords None { get; } = new([], string.Empty, []);
}
