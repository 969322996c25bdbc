using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Adoption;

public sealed class FeatureUsageExportTests
{
    private static readonly Dictionary<string, FeatureUsageAccount> Accounts = new(StringComparer.Ordinal)
    {
        ["A-1"] = new FeatureUsageAccount("A-1", "Northwind", "SMB", "Team", 40),
        ["A-2"] = new FeatureUsageAccount("A-2", "=cmd|' /C calc'!A0", "Enterprise", "Business", 0),
    };

    [Fact]
    public void Write_Weeks_SkipsAllFeaturesRowsAndComputesUtilisation()
    {
        var monday = new DateOnly(2026, 11, 9);
        UsageWeek[] weeks =
        [
            new("A-1", UsageWeek.AllFeatures, monday, 900, 31),
            new("A-1", "reports", monday, 500, 30),
            new("A-1", "export", monday, 12, 3),
            new("A-2", "reports", monday, 7, 2),
            new("A-9", "reports", monday, 1, 1),
        ];
        using var writer = new StringWriter();

        var count = FeatureUsageExport.Write(weeks, Accounts, writer);

        var (header, rows) = CsvTestReader.Read(writer.ToString());
        Assert.Equal(4, count);
        Assert.Equal(FeatureUsageExport.Columns, header);
        Assert.Equal(["2026-11-09", "A-1", "Northwind", "SMB", "Team", "reports", "500", "30", "40", "0.7500"], rows[0]);
        Assert.Equal(["2026-11-09", "A-1", "Northwind", "SMB", "Team", "export", "12", "3", "40", "0.0750"], rows[1]);
        // Zero seats: no ratio; and the hostile name is guarded.
        Assert.Equal(["2026-11-09", "A-2", "'=cmd|' /C calc'!A0", "Enterprise", "Business", "reports", "7", "2", "0", ""], rows[2]);
        // Unknown account: usage kept, attributes empty.
        Assert.Equal(["2026-11-09", "A-9", "", "", "", "reports", "1", "1", "", ""], rows[3]);
    }

    [Fact]
    public void Write_Weeks_EnumeratesTheSourceOnceWithoutBuffering()
    {
        var produced = 0;
        IEnumerable<UsageWeek> Stream()
        {
            for (var i = 0; i < 1000; i++)
            {
                produced++;
                yield return new UsageWeek("A-1", "reports", new DateOnly(2026, 1, 5).AddDays(7 * (i % 50)), i, i % 40);
            }
        }

        using var writer = new StringWriter();
        var count = FeatureUsageExport.Write(Stream(), Accounts, writer);

        Assert.Equal(1000, count);
        Assert.Equal(1000, produced);
    }

    [Fact]
    public void Write_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var writer = new StringWriter();

        Assert.Throws<OperationCanceledException>(() => FeatureUsageExport.Write([new UsageWeek("A-1", "x", new DateOnly(2026, 1, 5), 1, 1)], Accounts, writer, cts.Token));
    }
}
