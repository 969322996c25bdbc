using System.ComponentModel.DataAnnotations;

namespace ChurnWatch.Worker.Configuration;

/// <summary>The sample company the demo generates when its source is missing (section <c>Sample</c>).</summary>
internal sealed class SampleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Sample";

    /// <summary>Number of accounts. Default 2000, range 10 to 100000.</summary>
    [Range(10, 100_000)]
    public int Accounts { get; set; } = 2000;

    /// <summary>
    /// Months of history. Default 36, range 6 to 120: annual contracts first renew a year in, so a 24-month company has
    /// only about ten settled renewal months to backtest the renewal forecast on, too few to show its range holds; 36
    /// gives 23.
    /// </summary>
    [Range(6, 120)]
    public int Months { get; set; } = 36;

    /// <summary>Random seed: the same seed gives the same company. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Exclusive end of the history (yyyy-MM-dd). Default: empty, meaning the first day of the current UTC month,
    /// so the demo's data is recent.
    /// </summary>
    public DateOnly? End { get; set; }
}
