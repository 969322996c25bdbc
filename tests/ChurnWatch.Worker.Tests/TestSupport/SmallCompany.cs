using System.Globalization;
using ChurnWatch.Worker.Pipeline;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// Settings for a host whose demo generates a small company ending on 2026-03-01: the sample database, the store and
/// the outputs all inside one test folder (data/ and out/).
/// </summary>
public static class SmallCompany
{
    /// <summary>The sample's last day, 06:00 UTC: the tests' clock, six hours after the data ends.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string?> Settings(string folder, int accounts, int months, int seed)
    {
        var data = Path.Combine(folder, "data");
        return new Dictionary<string, string?>
        {
            ["Store:DataFolder"] = data,
            ["Source:ConnectionString"] = $"Data Source={Path.Combine(data, DemoPipeline.SampleFileName)}",
            ["Sample:Accounts"] = accounts.ToString(CultureInfo.InvariantCulture),
            ["Sample:Months"] = months.ToString(CultureInfo.InvariantCulture),
            ["Sample:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["Sample:End"] = "2026-03-01",
            ["Output:Folder"] = Path.Combine(folder, "out"),
        };
    }
}
