using System.CommandLine;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

[Collection(ConsoleTests.Name)]
public sealed class FinanceCommandTests
{
    [Theory]
    [InlineData("--from: '2026-13-01' is not a date", "export", "feature-usage", "--from", "2026-13-01", "--to", "2026-02-01")]
    [InlineData("--to (2026-02-01) is before --from", "export", "feature-usage", "--from", "2026-03-01", "--to", "2026-02-01")]
    [InlineData("--grain: expected week or month", "export", "feature-usage", "--from", "2026-01-01", "--to", "2026-02-01", "--grain", "day")]
    [InlineData("--by: expected plan, segment or account", "export", "feature-usage", "--from", "2026-01-01", "--to", "2026-02-01", "--by", "region")]
    [InlineData("--months: 0 is out of range", "forecast", "renewals", "--months", "0")]
    [InlineData("--by: expected segment", "forecast", "renewals", "--by", "plan")]
    [InlineData("--months: 500 is out of range", "metrics", "--months", "500")]
    public async Task Command_BadArgument_ExitCode2WithAPlainMessageAndNothingWritten(string message, params string[] command)
    {
        using var folder = new TempFolder();

        var (exitCode, error) = await InvokeAsync([.. command, "--out", folder.File("x.csv")]);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Metrics_OutIsAFolder_ExitCode2()
    {
        using var folder = new TempFolder();

        var (exitCode, error) = await InvokeAsync(["metrics", "--out", folder.Path]);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metrics", "--months", "12")]
    [InlineData("forecast", "renewals", "--months", "12")]
    [InlineData("export", "feature-usage", "--from", "2026-01-01", "--to", "2026-02-01")]
    public async Task Command_EmptyStore_ExitCode1SayingToRunTheDemoFirst(params string[] command)
    {
        using var folder = new TempFolder();
        var (exitCode, error) = await WithStoreIn(folder.File("data"), () => InvokeAsync([.. command, "--out", folder.File("out/x.csv")]));

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("Run 'churnwatch demo' first", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out/x.csv")));
    }

    [Theory]
    [InlineData("CHURNWATCH__Metrics__GraceDays", "500", "Metrics:GraceDays")]
    [InlineData("CHURNWATCH__Metrics__Delinquent", "Sometimes", "Metrics:Delinquent")]
    public async Task Metrics_BadMetricsSetting_ExitCode3NamingTheKey(string variable, string value, string key)
    {
        using var folder = new TempFolder();
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            var (exitCode, error) = await WithStoreIn(folder.File("data"), () => InvokeAsync(["metrics", "--out", folder.File("x.csv")]));

            Assert.Equal(ExitCodes.BadConfiguration, exitCode);
            Assert.Contains(key, error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("forecast", "renewals")]
    [InlineData("export", "feature-usage")]
    public async Task Command_Help_DescribesEveryOption(params string[] command)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(ExitCodes.Ok, await ChurnWatchCommandLine.InvokeAsync(Root(), [.. command, "--help"]));
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Contains("--out", output.ToString(), StringComparison.Ordinal);
    }

    private static RootCommand Root() => new() { ExportCommand.Create(), ForecastCommand.Create(), MetricsCommand.Create() };

    private static async Task<(int ExitCode, string Error)> InvokeAsync(string[] args)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            return (await ChurnWatchCommandLine.InvokeAsync(Root(), args), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    // The commands read the configured store: point it at an empty folder for the test.
    private static async Task<T> WithStoreIn<T>(string dataFolder, Func<Task<T>> run)
    {
        Environment.SetEnvironmentVariable("CHURNWATCH__Store__DataFolder", dataFolder);
        try
        {
            return await run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHURNWATCH__Store__DataFolder", null);
        }
    }
}
