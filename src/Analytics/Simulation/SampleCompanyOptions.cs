using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Analytics.Simulation;

/// <summary>What sample company to simulate: how many accounts, over which window, from which seed.</summary>
/// <remarks>
/// The simulated window is <see cref="Months"/> whole months ending at <see cref="End"/> (exclusive). Nothing in the
/// generated history happens at or after <see cref="End"/>, so <see cref="End"/> plays the role of "now".
/// </remarks>
public sealed class SampleCompanyOptions
{
    /// <summary>The smallest allowed <see cref="Accounts"/>.</summary>
    public const int MinAccounts = 1;

    /// <summary>The largest allowed <see cref="Accounts"/> (account ids have five digits).</summary>
    public const int MaxAccounts = 99_999;

    /// <summary>The smallest allowed <see cref="Months"/>.</summary>
    public const int MinMonths = 1;

    /// <summary>The largest allowed <see cref="Months"/>.</summary>
    public const int MaxMonths = 120;

    /// <summary>Number of customer accounts created over the window. Default 2,000; allowed 1 to 99,999.</summary>
    [Range(MinAccounts, MaxAccounts)]
    public int Accounts { get; init; } = 2000;

    /// <summary>Length of the simulated window in months. Default 24; allowed 1 to 120.</summary>
    [Range(MinMonths, MaxMonths)]
    public int Months { get; init; } = 24;

    /// <summary>Seed of every random draw: the same options always give the same company. Default 42; any value.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// The kind of business (<see cref="SampleProfile"/>). Default <see cref="SampleProfile.Contracts"/>. The other
    /// profiles reshape the same simulated company afterwards, so a profile never changes the random draws.
    /// </summary>
    public SampleProfile Profile { get; init; } = SampleProfile.Contracts;

    /// <summary>
    /// Exclusive end of the window ("now" for the sample company). Default 2026-11-01; must be 2000-01-01 or later
    /// and at most 9000-01-01.
    /// </summary>
    public DateOnly End { get; init; } = new(2026, 11, 1);

    /// <summary>
    /// The simulated company's behaviour: segment mix, health, tickets, churn, seats, billing and usage. Default
    /// <see cref="SimulationTunables.Default"/>. Set in code only (tests, experiments); it is not read from configuration.
    /// </summary>
    public SimulationTunables Tunables { get; init; } = SimulationTunables.Default;

    /// <summary>The first instant of the window: <see cref="End"/> minus <see cref="Months"/> months, at 00:00 UTC.</summary>
    public DateTime WindowStart => End.AddMonths(-Months).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The exclusive end of the window at 00:00 UTC.</summary>
    public DateTime WindowEnd => End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of its range.</summary>
    public void Validate()
    {
        if (Accounts is < MinAccounts or > MaxAccounts)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Accounts), Accounts, $"Accounts must be between {MinAccounts} and {MaxAccounts}.");
        }

        if (Months is < MinMonths or > MaxMonths)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Months), Months, $"Months must be between {MinMonths} and {MaxMonths}.");
        }

        if (End < new DateOnly(2000, 1, 1) || End > new DateOnly(9000, 1, 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(End), End, "End must be between 2000-01-01 and 9000-01-01.");
        }
    }
}
