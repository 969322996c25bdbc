using CsvHelper;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>Reads a CSV back with CsvHelper, as rows of strings, so tests compare what a consumer would see.</summary>
internal static class CsvTestReader
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) Read(string text)
    {
        using var reader = CsvReader.FromText(text);
        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList());
        }

        return (reader.Headers.ToList(), rows);
    }
}
