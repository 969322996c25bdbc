using System.ComponentModel.DataAnnotations;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Configuration;

public sealed class CsvDropOptionsTests
{
    private static List<string> Errors(CsvDropOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void Defaults_AreValidAndOff()
    {
        var options = new CsvDropOptions();

        Assert.Empty(Errors(options));
        Assert.False(options.Enabled);
        Assert.Equal(CsvDropOptions.IsoDateFormats, options.EffectiveDateFormats);
        Assert.Equal(".", options.NumberFormat().NumberDecimalSeparator);
    }

    [Fact]
    public void Validate_UnknownEntityOrColumn_NamesTheKey()
    {
        var options = new CsvDropOptions();
        options.Columns["ticket"] = new() { ["opened_at"] = "Created At" };
        options.Columns["tickets"] = new() { ["created"] = "Created At", ["tier"] = " " };

        Assert.Equal(
            [
                "CsvDrops:Columns:ticket is not an entity; expected one of accounts, subscriptions, usage_events, tickets, invoices, payment_attempts.",
                "CsvDrops:Columns:tickets:created is not a column of tickets; expected one of ticket_id, account_id, opened_at, resolved_at, priority, tier, sla_breached, csat.",
                "CsvDrops:Columns:tickets:tier is empty; give the header name in the files.",
            ],
            Errors(options));
    }

    [Fact]
    public void Validate_BadDelimiterEncodingAndSeparator_AreRefused()
    {
        var options = new CsvDropOptions { Delimiter = ";;", Encoding = "klingon-8", DecimalSeparator = "," };
        options.Delimiter = ",";

        Assert.Equal(
            [
                "CsvDrops:DecimalSeparator must differ from CsvDrops:Delimiter.",
                "CsvDrops:Encoding 'klingon-8' is not a known encoding name (utf-8, utf-16, iso-8859-1, windows-1252, ...).",
            ],
            Errors(options));
        Assert.Contains("CsvDrops:Delimiter must be exactly one character.", Errors(new CsvDropOptions { Delimiter = ";;" }));
    }

    [Fact]
    public void Validate_CultureTheRuntimeCannotLoad_PointsToDecimalSeparator()
    {
        // ChurnWatch builds with InvariantGlobalization: culture data such as de-DE's decimal comma is not there.
        var errors = Errors(new CsvDropOptions { Culture = "de-DE" });

        Assert.Equal(["CsvDrops:Culture 'de-DE' is not available (ChurnWatch runs with invariant globalization); leave it empty and set CsvDrops:DecimalSeparator instead, e.g. \",\"."], errors);
    }

    [Fact]
    public void Validate_FolderThatDoesNotExist_NamesTheKeyAndTheFullPath()
    {
        var errors = Errors(new CsvDropOptions { Folder = "no-such-drops" });

        Assert.Equal([$"CsvDrops:Folder 'no-such-drops' ({Path.Combine(Directory.GetCurrentDirectory(), "no-such-drops")}) does not exist; create it, or leave CsvDrops:Folder empty to read no CSV drops."], errors);
    }

    [Fact]
    public void Validate_FolderThatIsAFile_SaysSo()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("drops"), "");

        Assert.Equal(
            [$"CsvDrops:Folder '{folder.File("drops")}' is a file; give the drop folder, or leave CsvDrops:Folder empty to read no CSV drops."],
            Errors(new CsvDropOptions { Folder = folder.File("drops") }));
    }

    [Fact]
    public void Validate_DateFormatDotNetCannotRead_NamesItsKey()
    {
        var errors = Errors(new CsvDropOptions { DateFormats = ["dd.MM.yyyy", "yyyy-MM-dd'T"] });

        Assert.Equal(["CsvDrops:DateFormats:1 'yyyy-MM-dd'T' is not a .NET date format: Cannot find a matching quote character for the character '''."], errors);
    }

    [Fact]
    public void Binding_ColumnsAndDateFormats_FromConfiguration()
    {
        using var drops = new TempFolder();
        var builder = ChurnWatchHost.CreateBuilder(
        [
            new("CsvDrops:Folder", drops.Path),
            new("CsvDrops:Delimiter", ";"),
            new("CsvDrops:DateFormats:0", "dd.MM.yyyy"),
            new("CsvDrops:Columns:tickets:opened_at", "Created At"),
        ]);
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<CsvDropOptions>>().Value;

        Assert.True(options.Enabled);
        Assert.Equal(["dd.MM.yyyy"], options.EffectiveDateFormats);
        Assert.Equal("Created At", options.HeaderOf("tickets", "opened_at"));
        Assert.Equal("resolved_at", options.HeaderOf("tickets", "resolved_at"));
        Assert.NotNull(services.GetRequiredService<ChurnWatch.Worker.Ingestion.Csv.CsvDropIngestion>());
    }
}
