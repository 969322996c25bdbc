using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Cli;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Hosting;

public sealed class SettingsFileTests : IDisposable
{
    private const string Truncated = "{\n  \"Signals\": {\n    \"GoneDarkAfterDays\": 20,\n  ";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Path => _folder.File(SettingsFile.Name);

    private SettingsException Load(string text)
    {
        File.WriteAllText(Path, text);
        return Assert.Throws<SettingsException>(() => new ConfigurationManager().AddSettingsFile(_folder.Path));
    }

    [Fact]
    public void AddSettingsFile_Truncated_NamesTheFileLineAndPosition()
    {
        Assert.Equal($"{Path} is not valid JSON at line 4, position 3: Expected start of a property name or value, but instead reached end of data.", Load(Truncated).Message);
    }

    [Fact]
    public void AddSettingsFile_MissingComma_NamesTheFileLineAndPosition()
    {
        var error = Load("{\n  \"Signals\": { \"GoneDarkAfterDays\": 20 }\n  \"Store\": {}\n}");

        Assert.Equal($"{Path} is not valid JSON at line 3, position 3: '\"' is invalid after a value. Expected either ',', '}}', or ']'.", error.Message);
    }

    [Fact]
    public void AddSettingsFile_Empty_SaysSoWithLineAndPosition()
    {
        Assert.Equal($"{Path} is empty; it must hold one JSON object, at least {{}} (line 1, position 1).", Load("").Message);
    }

    [Fact]
    public void AddSettingsFile_TopLevelArray_SaysItMustBeAnObject()
    {
        Assert.Equal($"{Path} is not a JSON object of settings: Top-level JSON element must be an object. Instead, 'Array' was found.", Load("[1]").Message);
    }

    [Fact]
    public void AddSettingsFile_ListSetLater_ReplacesTheFilesListWhole()
    {
        // The file lists four tiers and two date formats; the environment (here an in-memory source after the file, as
        // ChurnWatchHost adds CHURNWATCH__ variables) gives two tiers: they are the list, not its first two elements.
        File.WriteAllText(Path, """{ "Modeling": { "PlanTiers": ["Starter", "Team", "Business", "Enterprise"] }, "CsvDrops": { "DateFormats": ["yyyy-MM-dd", "dd.MM.yyyy"] } }""");
        var later = new Dictionary<string, string?> { ["Modeling:PlanTiers:0"] = "basic", ["Modeling:PlanTiers:1"] = "pro" };

        var configuration = new ConfigurationManager().AddSettingsFile(_folder.Path, later.Keys).AddInMemoryCollection(later).Build();

        Assert.Equal(["basic", "pro"], configuration.GetSection("Modeling:PlanTiers").Get<List<string>>());
        Assert.Equal(["yyyy-MM-dd", "dd.MM.yyyy"], configuration.GetSection("CsvDrops:DateFormats").Get<List<string>>());
    }

    [Fact]
    public void ModelingOptions_PlanTiersFromConfiguration_ReplaceTheDefaultTiers()
    {
        // No file: the binder would add configured tiers after the four the class starts with.
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationManager().AddInMemoryCollection(new Dictionary<string, string?> { ["Modeling:PlanTiers:0"] = "basic", ["Modeling:PlanTiers:1"] = "pro" }).Build())
            .AddChurnWatchPipeline()
            .BuildServiceProvider();
        var unset = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddChurnWatchPipeline().BuildServiceProvider();

        Assert.Equal(["basic", "pro"], services.GetRequiredService<IOptions<ModelingOptions>>().Value.PlanTiers);
        Assert.Equal(["Starter", "Team", "Business", "Enterprise"], unset.GetRequiredService<IOptions<ModelingOptions>>().Value.PlanTiers);
    }

    [Fact]
    public void AddSettingsFile_NoFile_AddsNothing()
    {
        var configuration = new ConfigurationManager().AddSettingsFile(_folder.Path).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("signals list")]
    [InlineData("signals evaluate")]
    [InlineData("reports email --dry-run")]
    [InlineData("export feature-usage --from 2026-01-01 --to 2026-02-01 --out usage.csv")]
    [InlineData("forecast renewals --out forecast.csv")]
    [InlineData("metrics --out metrics.csv")]
    [InlineData("model show")]
    [InlineData("jobs list")]
    [InlineData("users list")]
    [InlineData("audit")]
    [InlineData("run")]
    [InlineData("run --once")]
    [InlineData("source check")]
    [InlineData("dashboard")]
    [InlineData("demo")]
    public async Task Churnwatch_TruncatedSettingsFile_Exits3NamingTheFileLineAndPosition(string command)
    {
        File.WriteAllText(Path, Truncated);

        var (exitCode, output, error) = await ChurnWatchProcess.RunAsync(_folder.Path, command.Split(' '));

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.Equal($"Configuration error: {Path} is not valid JSON at line 4, position 3: Expected start of a property name or value, but instead reached end of data.{Environment.NewLine}", error);
        Assert.Empty(output);
        Assert.Equal([Path], Directory.GetFileSystemEntries(_folder.Path));
    }
}
