using System.Security.Cryptography;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// The drop folder on disk: <c>&lt;root&gt;/&lt;entity&gt;/*.csv</c> waiting, <c>&lt;root&gt;/processed/&lt;entity&gt;/</c> done.
/// </summary>
internal sealed class CsvDropFolder(string root)
{
    /// <summary>The folder imported files are moved to.</summary>
    public const string ProcessedFolder = "processed";

    /// <summary>The lock file in the drop folder's root, held open by the import under way.</summary>
    public const string LockFileName = ".churnwatch-import.lock";

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Takes the folder's import lock, waiting up to <paramref name="wait"/> for another import (another process, or
    /// another run in this one) to release it; dispose it when the run is over. Null when the folder does not exist
    /// (nothing waits there). The lock is the open lock file (FileShare.None, an advisory lock on Unix), so a process
    /// that dies releases it with its handles; the file itself stays.
    /// </summary>
    /// <param name="wait">How long to wait (CsvDrops:LockWait).</param>
    /// <param name="timeProvider">Measures the wait.</param>
    /// <param name="onBlocked">Called once, when the lock is taken by another import and this one starts to wait.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <exception cref="TimeoutException">The other import still holds it after <paramref name="wait"/>.</exception>
    public async Task<IDisposable?> LockAsync(TimeSpan wait, TimeProvider timeProvider, Action onBlocked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(onBlocked);
        if (!Directory.Exists(root))
        {
            return null;
        }

        var path = Path.Combine(root, LockFileName);
        var started = timeProvider.GetTimestamp();
        var reported = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                if (timeProvider.GetElapsedTime(started) >= wait)
                {
                    throw new TimeoutException(
                        $"The CSV drop folder {root} is already being imported by another churnwatch run (it holds {LockFileName} open), so this run imported nothing from it" +
                        (wait > TimeSpan.Zero ? $" after waiting {wait:c} (CsvDrops:LockWait)" : " (CsvDrops:LockWait is 0: no waiting)") +
                        ". Run it again when the other import has finished.", e);
                }
            }

            if (!reported)
            {
                reported = true;
                onBlocked();
            }

            await Task.Delay(LockPoll, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

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
