using System.Diagnostics;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

/// <summary>The real <c>churnwatch demo</c> process refusing settings that cannot produce a model, before it runs anything.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private const string Needs408Days =
        "too short to train and backtest a churn model: that needs at least 408 days, Modeling:WarmUpDays (84) + 2 x (Modeling:HorizonDays (90) + Modeling:GraceDays (30)) + Modeling:BacktestTestDays (91) - Modeling:ObservationIntervalDays (7).";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Demo_MonthsOptionTooShortForAModel_ExitCode2NamingTheMinimumAndRunsNothing()
    {
        var (exitCode, error) = await RunAsync(["--months", "12"], []);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            $"--months 12 gives 365 days of history (2025-03-01 to 2026-03-01), {Needs408Days} Use --months 14 or more, or shorten those settings.{Environment.NewLine}",
            error);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task Demo_SampleMonthsSettingTooShortForAModel_ExitCode3NamingTheKey()
    {
        var (exitCode, error) = await RunAsync([], new() { ["Sample__Months"] = "13" });

        Assert.Equal(3, exitCode);
        Assert.Equal(
            $"Sample:Months = 13 gives 393 days of history (2025-02-01 to 2026-03-01), {Needs408Days} Set Sample:Months to 14 or more (or pass --months 14), or shorten those settings.{Environment.NewLine}",
            error);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task Demo_ModelingSettingsLongerThanTheDefaultSample_ExitCode3WithTheMinimumComputedFromThem()
    {
        var (exitCode, error) = await RunAsync([], new() { ["Modeling__HorizonDays"] = "365", ["Modeling__GraceDays"] = "180" });

        Assert.Equal(3, exitCode);
        Assert.Equal(
            "Sample:Months = 36 gives 1096 days of history (2023-03-01 to 2026-03-01), too short to train and backtest a churn model: that needs at least 1258 days, " +
            "Modeling:WarmUpDays (84) + 2 x (Modeling:HorizonDays (365) + Modeling:GraceDays (180)) + Modeling:BacktestTestDays (91) - Modeling:ObservationIntervalDays (7). " +
            $"Set Sample:Months to 42 or more (or pass --months 42), or shorten those settings.{Environment.NewLine}",
            error);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    private async Task<(int ExitCode, string Error)> RunAsync(string[] arguments, Dictionary<string, string> settings)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "churnwatch"), ["demo", "--data", _folder.File("data"), "--out", _folder.File("out"), .. arguments])
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["CHURNWATCH__Sample__End"] = "2026-03-01";
        foreach (var (key, value) in settings)
        {
            info.Environment["CHURNWATCH__" + key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }

    public void Dispose() => _folder.Dispose();
}
