using System.Security.Cryptography;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// The drop folder on disk: <c>&lt;root&gt;/&lt;entity&gt;/*.csv</c> waiting, <c>&lt;root&gt;/processed/&lt;entity&gt;/</c> done.
/// </summary>
internal sealed class CsvDropFolder(string root)
{
    /// <summary>The folder imported files are moved to.</summary>
    public const string ProcessedFolder = "processed";

    /// <summary>The waiting <c>.csv</c> files of <paramref name="entity"/>, in ordinal name order (name them by date to import in date order).</summary>
    public IReadOnlyList<string> Waiting(string entity)
    {
        var folder = Path.Combine(root, entity);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.GetFiles(folder, "*.csv", SearchOption.TopDirectoryOnly)
            .Where(f => string.Equals(Path.GetExtension(f), ".csv", StringComparison.OrdinalIgnoreCase))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Hashes the file's content, streaming it.</summary>
    public static async Task<CsvDropFile> HashAsync(string entity, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return new CsvDropFile(entity, path, Convert.ToHexStringLower(hash));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceDataException($"{Path.GetFileName(path)}: the file cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Moves an imported file to <c>processed/&lt;entity&gt;/</c>. A different file of the same name already there keeps
    /// its name and this one gets the start of its hash appended; the same content again replaces it.
    /// </summary>
    /// <returns>Where the file went.</returns>
    public string MoveToProcessed(CsvDropFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var folder = Path.Combine(root, ProcessedFolder, file.Entity);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, file.FileName);
        if (File.Exists(target) && !HasContent(target, file.Sha256))
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file.FileName)}.{file.Sha256[..12]}{Path.GetExtension(file.FileName)}");
        }

        File.Move(file.Path, target, overwrite: true);
        return target;
    }

    private static bool HasContent(string path, string sha256)
    {
        using var stream = File.OpenRead(path);
        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), sha256, StringComparison.Ordinal);
    }
}
