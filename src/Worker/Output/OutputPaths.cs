namespace ChurnWatch.Worker.Output;

/// <summary>
/// The files a command writes beside the CSV its --out names: an HTML page and further CSVs share its folder and
/// name, so one argument places them all.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Why --out cannot be the CSV to write (it names a folder), or null when it can.</summary>
    public static string? Problem(string? outPath) =>
        string.IsNullOrWhiteSpace(outPath) ? "--out: expected the path of the CSV file to write."
        : Directory.Exists(outPath) || outPath.EndsWith('/') || outPath.EndsWith(Path.DirectorySeparatorChar)
            ? $"--out: '{outPath}' is a folder; give the CSV file to write, for example {Path.Combine(outPath, "export.csv")}."
            : null;

    /// <summary>The full path of --out, its folder created.</summary>
    public static string Prepare(string outPath)
    {
        var full = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>forecast.csv -> forecast.html.</summary>
    public static string Html(string csvPath) => Path.ChangeExtension(csvPath, ".html");

    /// <summary>forecast.csv -> forecast_backtest.csv.</summary>
    public static string Sibling(string csvPath, string suffix) =>
        Path.Combine(Path.GetDirectoryName(csvPath)!, Path.GetFileNameWithoutExtension(csvPath) + "_" + suffix + ".csv");

    /// <summary>data_freshness.csv in the same folder.</summary>
    public static string Freshness(string csvPath) => Path.Combine(Path.GetDirectoryName(csvPath)!, DataFreshnessCsv.FileName);
}
