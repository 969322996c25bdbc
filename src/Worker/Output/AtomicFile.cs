namespace ChurnWatch.Worker.Output;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never a half-written file:
/// the content goes to a temporary file in the same folder, which is then renamed over the target.
/// </summary>
/// <remarks>
/// The temporary file sits next to the target because a rename is only atomic within one file system.
/// Its name starts with a dot and ends in <see cref="TempSuffix"/> so that a crash leaves something easy to recognise,
/// and so that web servers and file listings skip it. Each write removes the leftovers of interrupted writes in its
/// folder (<see cref="RemoveAbandoned"/>): only those older than <see cref="AbandonedAfter"/> and not held open, so a
/// concurrent writer's temporary file is never taken from under it.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>The suffix of temporary files.</summary>
    public const string TempSuffix = ".cwtmp";

    /// <summary>
    /// A temporary file untouched this long is a leftover of an interrupted write (a kill, a power cut): a live writer
    /// writes to it and holds it locked, and renames it within moments of its last write.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    // Reports and CSVs are read by browsers and spreadsheets; a BOM shows up as junk in some CSV tools.
    private static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="write">Writes the content to the stream it is given (it must not dispose it).</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);

        var fullPath = Path.GetFullPath(path);
        var temp = TempPathFor(fullPath);
        RemoveAbandoned(Path.GetDirectoryName(fullPath)!, TimeProvider.System);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                // Flush to disk before the rename: otherwise a power cut can leave the renamed file empty.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes UTF-8 text (without a byte order mark) to <paramref name="path"/>, atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 64 * 1024, leaveOpen: true);
            write(writer);
            writer.Flush();
        });
    }

    /// <summary>
    /// Deletes the temporary files in <paramref name="folder"/> (not below it) last written more than
    /// <see cref="AbandonedAfter"/> before <paramref name="timeProvider"/>'s now and not held open by a writer; one
    /// that cannot be deleted stays. Writes call this for their folder.
    /// </summary>
    /// <returns>The names of the files deleted.</returns>
    public static IReadOnlyList<string> RemoveAbandoned(string folder, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var before = timeProvider.GetUtcNow().UtcDateTime - AbandonedAfter;
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, ".*" + TempSuffix, SearchOption.TopDirectoryOnly))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) >= before)
                {
                    continue;
                }

                // A writer holds its temporary file with FileShare.None (a lock on Unix too), so this open fails on a
                // live one; DeleteOnClose removes it while no writer can take it.
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }

                removed.Add(Path.GetFileName(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held open by a writer, gone already, or not ours to delete: leave it.
            }
        }

        return removed;
    }

    private static string TempPathFor(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException("The path has no folder.", nameof(fullPath));
        // A random part keeps two concurrent writers of the same file from sharing a temporary file.
        var unique = Guid.NewGuid().ToString("N")[..12];
        return Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + unique + TempSuffix);
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original exception matters more; the leftover is recognisable by its suffix.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
