using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// The predictors of a training's observation rows, row-major 32-bit floats (what ML.NET reads; NaN = missing), in a
/// temporary file instead of one array: rows are appended a batch of accounts at a time as they are built, and every
/// fit reads them back through an <see cref="MlNet.PredictorTable"/> cursor, one buffer at a time. The process holds a
/// batch and a read buffer, not the training set. The file is created in the system's temporary folder (<c>TMPDIR</c> on Linux) and deleted when the rows are
/// disposed (or, if the process dies first, by the operating system's cleaning of that folder).
/// </summary>
internal sealed class PredictorRows : IDisposable
{
    /// <summary>Bytes a reader fetches at a time: large enough that a pass over the file is a few thousand reads.</summary>
    private const int ReadBufferBytes = 1 << 20;

    private readonly SafeFileHandle _file;

    public PredictorRows(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ArgumentException("Predictor rows need at least one predictor column.", nameof(names));
        }

        Names = names;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"churnwatch-training-{Guid.NewGuid():N}.f32");
        // One handle for the rows' lifetime: appends and every reader's positional reads go through it (positional reads
        // are safe from several threads), and closing it deletes the file.
        _file = File.OpenHandle(Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
    }

    /// <summary>The predictor columns, in row order.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Width => Names.Count;

    /// <summary>Rows appended so far.</summary>
    public long Count { get; private set; }

    /// <summary>Where the rows are kept (deleted on <see cref="Dispose"/>).</summary>
    public string Path { get; }

    private long RowBytes => (long)Width * sizeof(float);

    /// <summary>Appends whole rows (row-major, <see cref="Width"/> values each), converted to 32-bit floats.</summary>
    public void Append(ReadOnlySpan<double> rows)
    {
        if (rows.Length % Width != 0)
        {
            throw new ArgumentException($"{rows.Length} values do not make whole rows of {Width} predictors.", nameof(rows));
        }

        var buffer = new float[Math.Min(rows.Length, ReadBufferBytes / sizeof(float) / Width * Width)];
        var offset = Count * RowBytes;
        for (var start = 0; start < rows.Length; start += buffer.Length)
        {
            var part = rows.Slice(start, Math.Min(buffer.Length, rows.Length - start));
            for (var i = 0; i < part.Length; i++)
            {
                buffer[i] = (float)part[i];
            }

            var bytes = MemoryMarshal.AsBytes(buffer.AsSpan(0, part.Length));
            RandomAccess.Write(_file, bytes, offset);
            offset += bytes.Length;
        }

        Count += rows.Length / Width;
    }

    /// <summary>A reader of the rows (each reader has its own buffer; several may read at once).</summary>
    public Reader OpenReader() => new(this);

    /// <summary>One row's predictors (one small read: for a few rows; a pass over many goes through a <see cref="Reader"/>).</summary>
    public float[] Row(long row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        var values = new float[Width];
        ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()), row * RowBytes);
        return values;
    }

    /// <summary>Every row, row-major: for a small set only (tests, the observation table of a demo company).</summary>
    public float[] ReadAll()
    {
        var values = new float[checked((int)(Count * Width))];
        var reader = OpenReader();
        for (var r = 0; r < Count; r++)
        {
            reader.Read(r, values.AsSpan(r * Width, Width));
        }

        return values;
    }

    /// <summary>The given rows, in that order, as an in-memory matrix: for a bounded number of rows.</summary>
    public PredictorMatrix Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new double[(long)rows.Count * Width];
        var row = new float[Width];
        var reader = OpenReader();
        for (var i = 0; i < rows.Count; i++)
        {
            reader.Read(rows[i], row);
            for (var c = 0; c < Width; c++)
            {
                values[((long)i * Width) + c] = row[c];
            }
        }

        return new PredictorMatrix(Names, values);
    }

    public void Dispose() => _file.Dispose();

    private void ReadExactly(Span<byte> bytes, long offset)
    {
        while (bytes.Length > 0)
        {
            var read = RandomAccess.Read(_file, bytes, offset);
            if (read == 0)
            {
                throw new IOException($"The training rows file {Path} ended early: it was changed or truncated outside ChurnWatch.");
            }

            bytes = bytes[read..];
            offset += read;
        }
    }

    /// <summary>
    /// Reads rows through a buffer of consecutive rows: rows asked for in increasing order (as every fit reads them)
    /// cost one file read per buffer, whatever rows are skipped in between.
    /// </summary>
    internal sealed class Reader
    {
        private readonly PredictorRows _rows;
        private readonly float[] _buffer;
        private readonly int _bufferRows;
        private long _first = -1;
        private int _filled;

        public Reader(PredictorRows rows)
        {
            _rows = rows;
            _bufferRows = Math.Max(1, ReadBufferBytes / (int)rows.RowBytes);
            _buffer = new float[_bufferRows * rows.Width];
        }

        /// <summary>Copies row <paramref name="row"/>'s predictors into <paramref name="into"/>.</summary>
        public void Read(long row, Span<float> into)
        {
            if (row < 0 || row >= _rows.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(row), row, $"The rows are 0 to {_rows.Count - 1}.");
            }

            if (row < _first || row >= _first + _filled)
            {
                Fill(row);
            }

            var width = _rows.Width;
            _buffer.AsSpan((int)(row - _first) * width, width).CopyTo(into);
        }

        private void Fill(long first)
        {
            var rows = (int)Math.Min(_bufferRows, _rows.Count - first);
            _rows.ReadExactly(MemoryMarshal.AsBytes(_buffer.AsSpan(0, rows * _rows.Width)), first * _rows.RowBytes);
            _first = first;
            _filled = rows;
        }
    }
}
