using System.Text.RegularExpressions;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Finance.Csv;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Output;

/// <summary>
/// docs/exports.md documents each export's columns in the order the writer puts them. The SaaS metrics' two files are
/// not checked: their tables group columns (`customers_start`, `customers_end` in one row) and name a range
/// (`grace_days` ... `same_month_signup_and_cancel`).
/// </summary>
public sealed partial class ExportDocsTests
{
    public static TheoryData<string> Exports() =>
    [
        nameof(AccountRiskCsv), nameof(FeatureUsageExport), nameof(RenewalForecastCsv), nameof(RenewalBacktestCsv),
        nameof(FeatureUsageSummaryCsv), nameof(DataFreshnessCsv), nameof(MonthToMonthForecastCsv), nameof(MonthToMonthBacktestCsv),
    ];

    [Theory]
    [MemberData(nameof(Exports))]
    public void ExportsMd_ColumnsTable_ListsTheWritersColumnsInOrder(string export)
    {
        var columns = export switch
        {
            nameof(AccountRiskCsv) => AccountRiskCsv.Columns,
            nameof(FeatureUsageExport) => FeatureUsageExport.Columns,
            nameof(RenewalForecastCsv) => RenewalForecastCsv.Columns,
            nameof(RenewalBacktestCsv) => RenewalBacktestCsv.Columns,
            nameof(FeatureUsageSummaryCsv) => FeatureUsageSummaryCsv.Columns,
            nameof(DataFreshnessCsv) => DataFreshnessCsv.Columns,
            nameof(MonthToMonthForecastCsv) => MonthToMonthForecastCsv.Columns,
            nameof(MonthToMonthBacktestCsv) => MonthToMonthBacktestCsv.Columns,
            _ => throw new ArgumentOutOfRangeException(nameof(export), export, null),
        };

        Assert.Equal(columns, DocumentedColumns(export));
    }

    // The first table after the section heading naming the writer: the backticked names of each row's first cell
    // (a row may document several columns, such as `p10_renewed_arr`, `p90_renewed_arr`).
    private static List<string> DocumentedColumns(string export)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "exports.md"));
        var heading = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal) && l.Contains($"(`{export}`", StringComparison.Ordinal));
        Assert.True(heading >= 0, $"docs/exports.md has no section for {export}");
        return [.. lines.Skip(heading + 1)
            .SkipWhile(l => !l.StartsWith("| `", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith('|'))
            .SelectMany(l => Backticked().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value))];
    }

    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex Backticked();
}
