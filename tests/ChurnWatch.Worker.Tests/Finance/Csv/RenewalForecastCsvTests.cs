using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Worker.Finance.Csv;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Finance.Csv;

public sealed class RenewalForecastCsvTests
{
    [Fact]
    public void Write_Months_RoundTripsExactValues()
    {
        RenewalForecastMonth[] months =
        [
            new(new DateOnly(2026, 12, 1), 4, 250_000m, 212_345.678m, 37_654.322m, 180_000m, 240_000m)
                { P50RenewedArr = 215_000m, TrailingRateRenewedArr = 201_234.56m, TrailingRateBasis = TrailingRateBasis.Company },
            new(new DateOnly(2027, 1, 1), 0, 0m, 0m, 0m, 0m, 0m),
        ];
        using var writer = new StringWriter();

        var count = RenewalForecastCsv.Write(months, writer);

        var text = writer.ToString();
        Assert.Equal(2, count);
        Assert.Equal(
            "month,renewals_due,arr_due,expected_renewed_arr,expected_churned_arr,p10_renewed_arr,p90_renewed_arr,segment,"
            + "p50_renewed_arr,everything_renews_arr,trailing_rate_renewed_arr,trailing_rate_basis,"
            + "forecast_method,forecast,forecast_p10,forecast_p50,forecast_p90,range_basis,range_months\r\n"
            + "2026-12-01,4,250000.00,212345.68,37654.32,180000.00,240000.00,,215000.00,250000.00,201234.56,company,model,212345.68,180000.00,215000.00,240000.00,independent_outcomes,0\r\n"
            + "2027-01-01,0,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,,,model,0.00,0.00,0.00,0.00,independent_outcomes,0\r\n",
            text);
        var (header, rows) = CsvTestReader.Read(text);
        Assert.Equal(RenewalForecastCsv.Columns, header);
        Assert.Equal(212_345.68m, decimal.Parse(rows[0][3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Write_NegativeAmount_IsWrittenAsANumber()
    {
        using var writer = new StringWriter();

        RenewalForecastCsv.Write([new RenewalForecastMonth(new DateOnly(2026, 12, 1), 1, 10m, 12m, -2m, 9m, 12m)], writer);

        Assert.Contains(",-2.00,", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFile_Path_WritesAtomicallyWithoutTempFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cw-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, RenewalForecastCsv.FileName);

            var count = RenewalForecastCsv.WriteFile(path, [new RenewalForecastMonth(new DateOnly(2026, 12, 1), 1, 10m, 9m, 1m, 8m, 10m)]);

            Assert.Equal(1, count);
            Assert.Equal(["renewal_forecast.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
            Assert.EndsWith("2026-12-01,1,10.00,9.00,1.00,8.00,10.00,,0.00,10.00,,,model,9.00,8.00,0.00,10.00,independent_outcomes,0\r\n", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
