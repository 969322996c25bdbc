using System.IO.Compression;
using Microsoft.ML;

namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// ML.NET's model file (<c>mlContext.Model.Save</c>, a zip) made reproducible: ML.NET stamps each zip entry with the
/// time of saving, so two saves of the same model differ; the entries are repacked in their order with one fixed
/// timestamp, which makes the same data and seed give the same bytes.
/// </summary>
internal static class ModelZip
{
    /// <summary>The zip format's earliest time, which carries no information.</summary>
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Save(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        using var saved = new MemoryStream();
        ml.Model.Save(model, inputSchema, saved);
        saved.Position = 0;
        using var source = new ZipArchive(saved, ZipArchiveMode.Read);
        using var repacked = new MemoryStream();
        using (var target = new ZipArchive(repacked, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return repacked.ToArray();
    }

    public static ITransformer Load(MLContext ml, byte[] zip)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return ml.Model.Load(stream, out _);
    }
}
