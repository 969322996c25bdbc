using ChurnWatch.Worker.Cli;

namespace ChurnWatch.Worker.Tests.Cli;

[Collection(ConsoleTests.Name)]
public sealed class CommandHostTests
{
    private static async Task<(int ExitCode, string Error, bool WorkRan)> RunAsync(Dictionary<string, string?> settings)
    {
        var workRan = false;
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exitCode = await CommandHost.RunAsync((_, _) => { workRan = true; return Task.FromResult(ExitCodes.Ok); }, settings, CancellationToken.None);
            return (exitCode, error.ToString(), workRan);
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Theory]
    [InlineData("Signals:GoneDarkAfterDays", "1", "Signals:GoneDarkAfterDays")]
    [InlineData("Signals:WeeklyCapPerOwner", "0", "Signals:WeeklyCapPerOwner")]
    [InlineData("Signals:RenewalProbabilityBelow", "1.5", "Signals:RenewalProbabilityBelow")]
    [InlineData("Modeling:HighRiskThreshold", "3", "Modeling:HighRiskThreshold")]
    [InlineData("Output:StaleAfter", "00:00:01", "Output:StaleAfter")]
    [InlineData("Store:Provider", "Oracle", "Store:Provider")]
    [InlineData("Sample:Accounts", "lots", "Sample:Accounts")]
    [InlineData("CsvDrops:Folder", "/no/such/drops", "Configuration error: CsvDrops:Folder '/no/such/drops' does not exist")]
    public async Task RunAsync_BadSetting_ExitsWithConfigurationCodeNamingTheKey(string key, string value, string named)
    {
        var (exitCode, error, workRan) = await RunAsync(new() { [key] = value });

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.False(workRan);
    }

    [Fact]
    public async Task RunAsync_ThresholdsOutOfOrder_NamesBothKeys()
    {
        var (exitCode, error, _) = await RunAsync(new() { ["Modeling:MediumRiskThreshold"] = "0.5", ["Modeling:HighRiskThreshold"] = "0.3" });

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Modeling:MediumRiskThreshold", error, StringComparison.Ordinal);
        Assert.Contains("HighRiskThreshold", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServerStoreWithoutConnectionString_NamesTheKeyOnceAndRunsNothing()
    {
        var (exitCode, error, workRan) = await RunAsync(new() { ["Store:Provider"] = "PostgreSql" });

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.StartsWith("Configuration error: Store:ConnectionString: Required when Store:Provider is PostgreSql.", error, StringComparison.Ordinal);
        Assert.False(workRan);
    }

    [Fact]
    public async Task RunAsync_ServerStoreWithPassword_NeverPrintsThePassword()
    {
        var (exitCode, error, _) = await RunAsync(new() { ["Store:Provider"] = "PostgreSql", ["Store:ConnectionString"] = "Host=db;Password=hunter2;Colour=blue" });

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Contains("Store:ConnectionString", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownKey_Exits3NamingItAndTheClosestKeyAndRunsNothing()
    {
        var (exitCode, error, workRan) = await RunAsync(new() { ["Signals:GoneDarkAfterDayz"] = "20", ["Signals:GoneDarkAfterDays"] = "1" });

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Equal($"Configuration error: Signals:GoneDarkAfterDayz is not a ChurnWatch setting; did you mean Signals:GoneDarkAfterDays?{Environment.NewLine}", error);
        Assert.False(workRan);
    }

    [Fact]
    public async Task RunAsync_GoodSettings_RunsTheWork()
    {
        var (exitCode, error, workRan) = await RunAsync([]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.True(workRan);
        Assert.Empty(error);
    }
}
