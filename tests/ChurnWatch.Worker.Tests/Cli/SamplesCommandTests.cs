using System.CommandLine;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Cli;

[Collection(ConsoleTests.Name)]
public sealed class SamplesCommandTests
{
    [Theory]
    [InlineData("--accounts", "0")]
    [InlineData("--months", "500")]
    [InlineData("--format", "parquet")]
    [InlineData("--end", "2026-13-01")]
    [InlineData("--accounts", "many")]
    [InlineData("--colour", "blue")]
    public async Task Generate_BadArgument_ExitCode2AndNothingWritten(string option, string value)
    {
        using var folder = new TempFolder();

        var exitCode = await Invoke("samples", "generate", option, value, "--out", folder.File("x.db"));

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Generate_PostgreSqlWithAPathForOut_ExitCode2()
    {
        using var folder = new TempFolder();

        var exitCode = await Invoke("samples", "generate", "--accounts", "5", "--format", "postgresql", "--out", folder.File("x.db"));

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Generate_NoOut_ExitCode2()
    {
        Assert.Equal(ExitCodes.BadArguments, await Invoke("samples", "generate", "--accounts", "5"));
    }

    [Fact]
    public async Task Generate_SmallCsv_ExitCode0AndSixFiles()
    {
        using var folder = new TempFolder();
        var directory = folder.File("company");

        var exitCode = await Invoke("samples", "generate", "--accounts", "20", "--months", "6", "--format", "csv", "--end", "2026-01-01", "--out", directory);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(6, Directory.GetFiles(directory, "*.csv").Length);
    }

    [Fact]
    public async Task Generate_NoEnd_EndsAtTheFirstDayOfTheCurrentUtcMonth()
    {
        using var folder = new TempFolder();
        var directory = folder.File("company");
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 3, 17, 9, 30, 0, TimeSpan.Zero));

        var exitCode = await Invoke(clock, "samples", "generate", "--accounts", "30", "--months", "3", "--format", "csv", "--out", directory);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var created = File.ReadAllLines(Path.Combine(directory, "accounts.csv")).Skip(1).Select(l => l.Split(',')[5]).ToList();
        Assert.All(created, c => Assert.InRange(string.CompareOrdinal(c, "2025-12-01"), 0, int.MaxValue));
        Assert.All(created, c => Assert.True(string.CompareOrdinal(c, "2026-03-01") < 0, c));
    }

    private static Task<int> Invoke(params string[] args) => Invoke(TimeProvider.System, args);

    private static Task<int> Invoke(TimeProvider clock, params string[] args)
    {
        var root = new RootCommand { SamplesCommand.Create(clock) };
        return ChurnWatchCommandLine.InvokeAsync(root, args);
    }
}
