using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace ChurnWatch.Worker.Tests.Hosting;

public sealed class KnownSettingsTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string? Value)[] settings) =>
        KnownSettings.ChurnWatch.Problems(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Sections_FromTheOptionsClasses_AreEveryBoundSection()
    {
        Assert.Equal(
            ["CsvDrops", "Dashboard", "Email", "Health", "Ingest", "Metrics", "Modeling", "NextSteps", "Output", "Sample", "Schedule", "Signals", "Source", "Store"],
            KnownSettings.ChurnWatch.Sections.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(typeof(ModelingOptions), KnownSettings.ChurnWatch.Sections["modeling"]);
        Assert.Equal("CsvDrops", KnownSettings.ChurnWatch.SectionOf(typeof(CsvDropOptions)));
    }

    [Fact]
    public void Problems_TypoInASetting_NamesItAndTheClosestKey()
    {
        Assert.Equal(
            ["Signals:GoneDarkAfterDayz is not a ChurnWatch setting; did you mean Signals:GoneDarkAfterDays?"],
            Problems(("Signals:GoneDarkAfterDayz", "20")));
    }

    [Fact]
    public void Problems_TypoInASection_NamesItAndTheClosestSection()
    {
        Assert.Equal(["Signalz is not a ChurnWatch section; did you mean Signals?"], Problems(("Signalz:GoneDarkAfterDays", "20")));
    }

    [Fact]
    public void Problems_NothingClose_ListsTheSectionsOrNamesTheSection()
    {
        Assert.Equal(
            [
                "Payroll is not a ChurnWatch section (they are CsvDrops, Dashboard, Email, Health, Ingest, Metrics, Modeling, NextSteps, Output, Sample, Schedule, Signals, Source, Store).",
                "Store:Colour is not a ChurnWatch setting of the Store section.",
            ],
            Problems(("Payroll:Day", "1"), ("Store:Colour", "blue")));
    }

    [Fact]
    public void Problems_NestedListsAndDictionaries_AcceptsTheirEntries()
    {
        Assert.Empty(Problems(
            ("Modeling:Trees:MaxDepth", "4"),
            ("Modeling:Learners:0", "lightgbm"),
            ("Modeling:PlanTiers", null),
            ("Source:Queries:accounts", "SELECT 1"),
            ("CsvDrops:Columns:tickets:opened_at", "Created At"),
            ("CsvDrops:DateFormats:1", "dd.MM.yyyy"),
            ("schedule:reports", "0 0 7 ? * MON")));
    }

    [Fact]
    public void Problems_WrongShapes_NameTheKey()
    {
        Assert.Equal(
            [
                "Modeling:Learners:first is not a setting: Modeling:Learners is a list, its entries are Modeling:Learners:0, Modeling:Learners:1 and so on.",
                "Modeling:Trees:MaxDepht is not a ChurnWatch setting; did you mean Modeling:Trees:MaxDepth?",
                "Signals:GoneDarkAfterDays:Weekdays is not a setting: Signals:GoneDarkAfterDays takes a single value.",
            ],
            Problems(("Modeling:Learners:first", "x"), ("Modeling:Trees:MaxDepht", "4"), ("Signals:GoneDarkAfterDays:Weekdays", "5")));
    }

    [Fact]
    public void Problems_ComputedProperties_AreNotSettings()
    {
        Assert.Equal(
            ["CsvDrops:Enabled is not a ChurnWatch setting of the CsvDrops section.", "Store:SqliteConnectionString is not a ChurnWatch setting of the Store section."],
            Problems(("CsvDrops:Enabled", "true"), ("Store:SqliteConnectionString", "Data Source=x.db")));
    }

    [Fact]
    public void Problems_SectionsOfDotNet_AreLeftAlone()
    {
        Assert.Empty(Problems(("Logging:LogLevel:Default", "Warning"), ("AllowedHosts", "*"), ("Kestrel:Limits:MaxRequestBodySize", "1"), ("$schema", "https://json.schemastore.org/appsettings.json")));
    }

    [Fact]
    public void Problems_FromAFileOrAVariable_SaysWhere()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("appsettings.json"), """{ "Signals": { "GoneDarkAfterDayz": 20 } }""");
        Environment.SetEnvironmentVariable("CHURNWATCH_TEST_KNOWN__Health__Prot", "8089");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(folder.File("appsettings.json"))
                .AddEnvironmentVariables("CHURNWATCH_TEST_KNOWN__")
                .Build();

            Assert.Equal(
                [
                    "Health:Prot (the environment variable CHURNWATCH__Health__Prot) is not a ChurnWatch setting; did you mean Health:Port?",
                    "Signals:GoneDarkAfterDayz (in appsettings.json) is not a ChurnWatch setting; did you mean Signals:GoneDarkAfterDays?",
                ],
                KnownSettings.ChurnWatch.Problems(configuration));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHURNWATCH_TEST_KNOWN__Health__Prot", null);
        }
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("samples/csv-drops/appsettings.example.json")]
    [InlineData("samples/source-queries/sqlite.appsettings.json")]
    [InlineData("samples/source-queries/postgresql.appsettings.json")]
    [InlineData("samples/source-queries/sqlserver.appsettings.json")]
    public void Problems_ShippedSettingsFiles_HaveNone(string file)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot.Path, file)).Build();

        Assert.Empty(KnownSettings.ChurnWatch.Problems(configuration));
    }
}
