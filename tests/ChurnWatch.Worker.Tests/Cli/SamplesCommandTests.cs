using System.CommandLine;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Tests.Samples;

namespace ChurnWatch.Worker.Tests.Cli;

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

        var exitCode = await Invoke("samples", "generate", option, value, "--out", folder.Combine("x.db"));

        Assert.Equal(SamplesCommand.BadArguments, exitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Generate_NoOut_ExitCode2()
    {
        Assert.Equal(SamplesCommand.BadArguments, await Invoke("samples", "generate", "--accounts", "5"));
    }

    [Fact]
    public async Task Generate_SmallCsv_ExitCode0AndSixFiles()
    {
        using var folder = new TempFolder();
        var directory = folder.Combine("company");

        var exitCode = await Invoke("samples", "generate", "--accounts", "20", "--months", "6", "--format", "csv", "--end", "2026-01-01", "--out", directory);

        Assert.Equal(SamplesCommand.Ok, exitCode);
        Assert.Equal(6, Directory.GetFiles(directory, "*.csv").Length);
    }

    private static Task<int> Invoke(params string[] args)
    {
        var root = new RootCommand { SamplesCommand.Create(TimeProvider.System) };
        return root.Parse(args).InvokeAsync();
    }
}
