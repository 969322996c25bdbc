using System.Globalization;
using ChurnWatch.Worker.Output;

namespace ChurnWatch.Worker.TableModels;

/// <summary>The output of <c>churnwatch model score</c>: id, probability and the top three drivers.</summary>
internal static class ScoresCsv
{
    public static IReadOnlyList<string> Columns { get; } = ["id", "probability", "driver_1", "driver_2", "driver_3"];

    public static int WriteFile(string path, IEnumerable<ScoreRow> rows) =>
        CsvExport.WriteFile(path, writer => CsvExport.WriteRows(writer, Columns, rows, static (csv, row) =>
        {
            CsvExport.Text(csv, row.Id);
            csv.WriteField(row.Probability.ToString("0.0000", CultureInfo.InvariantCulture));
            for (var i = 0; i < 3; i++)
            {
                CsvExport.Text(csv, i < row.Drivers.Count ? row.Drivers[i] : null);
            }

            csv.EndRecord();
        }));
}
