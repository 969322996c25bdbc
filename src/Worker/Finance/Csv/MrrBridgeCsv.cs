using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.Finance.Csv;

/// <summary><c>churnwatch metrics</c>: the monthly MRR bridge and the rates computed from it (docs/exports.md, metrics).</summary>
internal static class MrrBridgeCsv
{
    /// <summary>The columns, schema version <see cref="CsvExport.SchemaVersion"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "month", "start_mrr", "new_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr", "reactivation_mrr", "end_mrr",
        "customers_start", "new_customers", "reactivated_customers", "churned_customers", "customers_end",
        "signed_up_and_cancelled", "logo_churn_rate", "gross_mrr_churn", "net_mrr_churn", "grr", "nrr",
        .. MetricsConventionColumns.Names,
    ];

    /// <summary>Writes the export to <paramref name="path"/> atomically; returns the number of rows.</summary>
    public static int WriteFile(string path, SaasMetricsReport report) => CsvExport.WriteFile(path, writer => Write(report, writer));

    /// <summary>Writes the header and one row per month; returns the number of rows.</summary>
    public static int Write(SaasMetricsReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CsvExport.WriteRows(writer, Columns, report.Months, (csv, m) =>
        {
            csv.WriteField(m.Month, "yyyy-MM-dd");
            foreach (var amount in new[] { m.StartMrr, m.NewMrr, m.ExpansionMrr, m.ContractionMrr, m.ChurnedMrr, m.ReactivationMrr, m.EndMrr })
            {
                csv.WriteField(amount, CsvExport.MoneyFormat);
            }

            foreach (var count in new[] { m.CustomersStart, m.NewCustomers, m.ReactivatedCustomers, m.ChurnedCustomers, m.CustomersEnd, m.SignedUpAndCancelled })
            {
                csv.WriteField(count, string.Empty);
            }

            foreach (var rate in new[] { m.LogoChurnRate, m.GrossMrrChurn, m.NetMrrChurn, m.GrossRevenueRetention, m.NetRevenueRetention })
            {
                csv.WriteField(rate, CsvExport.RatioFormat);
            }

            MetricsConventionColumns.Write(csv, report.Options);
            csv.EndRecord();
        });
    }
}
