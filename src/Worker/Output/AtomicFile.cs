namespace ChurnWatch.Worker.Output;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new content, never a half-written file:
/// the content goes to a temporary file in the same folder, which is then renamed over the target.
/// </summary>
/// <remarks>
/// The temporary file sits next to the target because a rename is only atomic within one file system.
/// Its name starts with a dot and ends in <see cref="TempSuffix"/> so that a crash leaves something easy to recognise
/// and clean up, and so that web servers and file listings skip it.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>The suffix of temporary files; a leftover one is always safe to delete.</summary>
    public const string TempSuffix = ".cwtmp";

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
