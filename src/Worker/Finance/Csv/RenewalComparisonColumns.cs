using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Output;
using CsvHelper;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary>
/// What the renewal forecast and its backtest put beside the model's expectation, as trailing columns of both files:
/// the median of the simulation and the two baselines the model has to beat (docs/exports.md).
/// </summary>
internal static class RenewalComparisonColumns
{
    public static IReadOnlyList<string> Names { get; } = ["p50_renewed_arr", "everything_renews_arr", "trailing_rate_renewed_arr", "trailing_rate_basis"];

    public static void Write(CsvWriter csv, decimal p50, decimal everythingRenews, decimal? trailingRate, TrailingRateBasis? basis)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.WriteField(p50, CsvExport.MoneyFormat);
        csv.WriteField(everythingRenews, CsvExport.MoneyFormat);
        csv.WriteField(trailingRate, CsvExport.MoneyFormat);
        CsvExport.Text(csv, Basis(basis));
    }

    /// <summary>The basis as the CSV writes it: <c>segment</c>, <c>company</c>, <c>segment_and_company</c>, <c>everything_renews</c>; null when none.</summary>
    public static string? Basis(TrailingRateBasis? basis) => basis switch
    {
        TrailingRateBasis.Segment => "segment",
        TrailingRateBasis.Company => "company",
        TrailingRateBasis.SegmentAndCompany => "segment_and_company",
        TrailingRateBasis.EverythingRenews => "everything_renews",
        _ => null,
    };
}
