using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion.Csv;
using Microsoft.Extensions.Configuration;

namespace ChurnWatch.Worker.Tests.Ingestion.Csv;

public sealed class CsvDropSampleTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ChurnWatch.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ChurnWatch.sln not found above the test binaries.");
    }

    [Fact]
    public async Task SampleFolder_WithItsExampleSettings_LoadsEveryRow()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "csv-drops");
        using var drops = await CsvDropFixture.CreateAsync();
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(sample, "appsettings.example.json")).Build();
        configuration.GetSection(CsvDropOptions.Section).Bind(drops.Options);
        drops.Options.Folder = drops.DropFolder;
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "drops"), "*.csv", SearchOption.AllDirectories))
        {
            var target = Path.Combine(drops.DropFolder, Path.GetFileName(Path.GetDirectoryName(file)!));
            Directory.CreateDirectory(target);
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var summary = await drops.RunAsync();

        Assert.Equal(
            [
                new CsvFileResult("accounts", "accounts-2025-03-31.csv", 2, 0, false),
                new CsvFileResult("tickets", "zendesk-tickets-2025-03-31.csv", 3, 0, false),
            ],
            summary.Files);
        Assert.Equal(
            ["88121|ACME-1|2025-03-03T09:14:00Z|2025-03-04T16:40:00Z|high|L2|0|4", "88190|GLBX-7|2025-03-10T13:02:00Z|2025-03-10T13:45:00Z|low|L1|0|5", "88257|ACME-1|2025-03-24T08:55:00Z||urgent|L3|1|"],
            await drops.QueryAsync<string>(
                "SELECT ticket_id || '|' || account_id || '|' || opened_at || '|' || COALESCE(resolved_at, '') || '|' || priority || '|' || tier || '|' || sla_breached || '|' || COALESCE(csat, '') FROM tickets ORDER BY ticket_id"));
    }
}
