using ChurnWatch.Worker.Configuration;
using CsvHelper;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// Streams the records of one dropped file with CsvHelper, one at a time, and finds each contract column by its
/// (mapped) header name. Problems with the file itself (a header without a required column, broken quoting, an
/// unreadable file) throw a <see cref="SourceDataException"/> naming the file, the line and the column; problems of
/// one record are for the caller to quarantine.
/// </summary>
internal sealed class CsvDropFileReader : IDisposable
{
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _headers;

    private CsvDropFileReader(CsvReader reader, string fileName, IReadOnlyList<CsvContractColumn> columns, CsvDropOptions options, string entity)
    {
        _reader = reader;
        FileName = fileName;
        if (!options.HasHeader)
        {
            _headers = columns.Select(c => c.Name).ToList();
            for (var i = 0; i < columns.Count; i++)
            {
                _indexes[columns[i].Name] = i;
            }

            return;
        }

        _headers = Guard(() =>
        {
            reader.ReadHeader();
            return reader.Headers.ToList();
        });
        foreach (var column in columns)
        {
            var header = options.HeaderOf(entity, column.Name);
            if (reader.TryGetFieldIndex(header, out var index))
            {
                _indexes[column.Name] = index;
            }
            else if (column.Required)
            {
                var mapped = header == column.Name ? string.Empty : $" (mapped by CsvDrops:Columns:{entity}:{column.Name})";
                var found = _headers.Count == 0 ? "the file is empty" : "the header has " + string.Join(", ", _headers.Select(h => $"'{h}'"));
                throw new SourceDataException($"{fileName}:1, column {column.Name}: the header has no column '{header}'{mapped}; {found}.")
                {
                    Column = column.Name,
                    Value = header,
                    Reason = $"the header has no column '{header}'{mapped}.",
                };
            }
        }
    }

    /// <summary>The file's name, as locations name it.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary><c>file:line</c> of the current record.</summary>
    public string Location => $"{FileName}:{Line}";

    /// <summary>Opens <paramref name="path"/> and reads its header; throws when a required column is missing.</summary>
    public static CsvDropFileReader Open(string path, string entity, CsvDropOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var columns = CsvDropColumns.Of(entity) ?? throw new ArgumentOutOfRangeException(nameof(entity), entity, "Not a CSV drop entity.");
        var fileName = Path.GetFileName(path);
        var readerOptions = CsvReaderOptions.Default with
        {
            Separator = options.Delimiter[0],
            HasHeader = options.HasHeader,
            Encoding = options.TextEncoding(),
            TrackLineNumbers = true,
            TrimWhitespace = true,
            // Broken quoting fails the file with its line rather than silently gluing records together.
            MalformedData = CsvMalformedDataHandling.Throw,
            DetectSeparatorHint = false,
        };
        CsvReader reader;
        try
        {
            reader = CsvReader.FromFile(path, readerOptions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceDataException($"{fileName}: the file cannot be read: {e.Message}", e);
        }

        try
        {
            return new CsvDropFileReader(reader, fileName, columns, options, entity);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Advances to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        if (!Guard(_reader.Read))
        {
            return false;
        }

        Line = _reader.LineNumber;
        return true;
    }

    /// <summary>
    /// Throws when the record has another number of fields than the header: a missing or extra separator (often an
    /// unquoted separator inside a value) shifts every column after it, so none of its values can be trusted.
    /// </summary>
    public void CheckShape()
    {
        var count = _reader.FieldCount;
        if (count == _headers.Count)
        {
            return;
        }

        var column = count < _headers.Count ? _headers[count] : null;
        var reason = count < _headers.Count
            ? $"the row has {count} fields but the header has {_headers.Count}: column '{column}' and those after it are missing (a ragged row)."
            : $"the row has {count} fields but the header has {_headers.Count} (a ragged row: an extra separator, or an unquoted one inside a value).";
        throw new SourceDataException($"{Location}: {reason}") { Column = column, Value = count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " fields", Reason = reason };
    }

    /// <summary>The trimmed value of a contract column in the current record; null when empty or not in the file.</summary>
    public string? Field(string column)
    {
        if (!_indexes.TryGetValue(column, out var index) || index >= _reader.FieldCount)
        {
            return null;
        }

        var value = _reader.GetString(index);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public void Dispose() => _reader.Dispose();

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            var line = e.LineNumber > 0 ? e.LineNumber : Line + 1;
            throw new SourceDataException($"{FileName}:{line}: the file is not valid CSV: {e.Message}", e) { Reason = e.Message };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            throw new SourceDataException($"{FileName}:{Line + 1}: the file cannot be read: {e.Message}", e) { Reason = e.Message };
        }
    }
}
