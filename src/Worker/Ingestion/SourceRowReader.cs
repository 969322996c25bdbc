using System.Globalization;
using ChurnWatch.Worker.Ingestion.Rows;

namespace ChurnWatch.Worker.Ingestion;

/// <summary>
/// Turns one source row's raw values into typed values, or fails with a message that names the entity, the row's
/// key, the column, the value and what was expected.
/// </summary>
internal readonly struct SourceRowReader
{
    private readonly string _entity;
    private readonly string? _key;
    private readonly ISourceRow? _row;

    public SourceRowReader(string entity, string? key)
    {
        _entity = entity;
        _key = key;
    }

    /// <summary>
    /// A reader that asks <paramref name="row"/> for its key only when a value is bad: building the key text for every
    /// good row (tens of millions of usage aggregates) costs more than reading the row.
    /// </summary>
    public SourceRowReader(string entity, ISourceRow row)
    {
        _entity = entity;
        _row = row;
    }

    private SourceDataException Bad(string column, object? value, string reason) =>
        new($"{_entity} row '{_key ?? _row?.Key ?? "(no key)"}', column {column}: {reason}")
        {
            Column = column,
            Value = Convert.ToString(value, CultureInfo.InvariantCulture),
            Reason = reason,
        };

    public string Text(string? value, string column) =>
        string.IsNullOrWhiteSpace(value) ? throw Bad(column, value, "a value is required but it is empty.") : value;

    public DateTime Instant(object? value, string column) =>
        InstantOrNull(value, column) ?? throw Bad(column, value, "a UTC timestamp is required but it is empty.");

    /// <summary>Reads text (SQLite, CSV) or a provider's own timestamp type (PostgreSQL, SQL Server) as UTC.</summary>
    public DateTime? InstantOrNull(object? value, string column) => value switch
    {
        null or DBNull => null,
        string text when string.IsNullOrWhiteSpace(text) => null,
        // Timestamps in the source contract are UTC; a value without a zone is read as UTC, one with an offset is converted.
        string text => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw Bad(column, value, $"'{text}' is not a timestamp; expected ISO-8601 UTC such as 2025-03-04T10:22:00Z."),
        DateTime dateTime => dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : DateTime.SpecifyKind(dateTime, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        _ => throw Bad(column, value, $"a {value.GetType().Name} is not a timestamp; expected ISO-8601 UTC text or a timestamp column."),
    };

    public DateOnly Date(object? value, string column) =>
        DateOrNull(value, column) ?? throw Bad(column, value, "a date is required but it is empty.");

    /// <summary>Reads yyyy-MM-dd text (a longer timestamp's date part) or a provider's date type.</summary>
    public DateOnly? DateOrNull(object? value, string column) => value switch
    {
        null or DBNull => null,
        string text when string.IsNullOrWhiteSpace(text) => null,
        string text => DateOnly.TryParseExact(text.Length > 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw Bad(column, value, $"'{text}' is not a date; expected yyyy-MM-dd."),
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        DateTimeOffset offset => DateOnly.FromDateTime(offset.UtcDateTime),
        _ => throw Bad(column, value, $"a {value.GetType().Name} is not a date; expected yyyy-MM-dd."),
    };

    public T Enum<T>(string? value, string column)
        where T : struct, Enum =>
        System.Enum.TryParse<T>(Text(value, column), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw Bad(column, value, $"'{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");

    /// <summary>
    /// Reads a whole number however the source gives it: a provider's integer or decimal type, or text (SQLite stores
    /// whatever a row was given, so a REAL column can hold 'lots'). A bad value fails this row, not the whole read.
    /// </summary>
    public long? WholeOrNull(object? value, string column) => value switch
    {
        null or DBNull => null,
        string text when string.IsNullOrWhiteSpace(text) => null,
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        bool flag => flag ? 1 : 0,
        decimal d when d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        double d when double.IsFinite(d) && d == Math.Truncate(d) && Math.Abs(d) < 9e18 => (long)d,
        string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Bad(column, value, $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a whole number."),
    };

    public long Whole(object? value, string column) =>
        WholeOrNull(value, column) ?? throw Bad(column, value, "a whole number is required but it is empty.");

    /// <summary>Reads a number (integer, decimal or floating-point type, or invariant-culture text).</summary>
    public double Number(object? value, string column) => value switch
    {
        null or DBNull => throw Bad(column, value, "a number is required but it is empty."),
        string text when string.IsNullOrWhiteSpace(text) => throw Bad(column, value, "a number is required but it is empty."),
        double d => d,
        float f => f,
        decimal d => (double)d,
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Bad(column, value, $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a number; expected digits with a '.' for decimals, such as 1250.50."),
    };

    /// <summary>Reads a flag: a boolean type, 0/1, or the text true/false (any case); empty is false.</summary>
    public bool Flag(object? value, string column) => value switch
    {
        null or DBNull => false,
        string text when string.IsNullOrWhiteSpace(text) => false,
        bool flag => flag,
        string text when bool.TryParse(text, out var parsed) => parsed,
        string text when text.Trim() is "0" or "1" => text.Trim() == "1",
        double d when d is 0 or 1 => d == 1,
        long or int or short or byte or decimal when Convert.ToDecimal(value, CultureInfo.InvariantCulture) is 0m or 1m => Convert.ToDecimal(value, CultureInfo.InvariantCulture) == 1m,
        _ => throw Bad(column, value, $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a flag; expected true/false or 1/0."),
    };

    public decimal Money(object? value, string column) => Money(Number(value, column), column);

    public int NonNegative(object? value, string column) => NonNegative(Whole(value, column), column);

    public int NonNegative(long value, string column) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw Bad(column, value, $"{value} is out of range; expected a whole number from 0.");

    public decimal Money(double value, string column) =>
        double.IsFinite(value) && value >= 0 ? (decimal)value : throw Bad(column, value, $"{value.ToString(CultureInfo.InvariantCulture)} is not a non-negative amount.");

    /// <summary>A rule that spans columns (end before start, a value out of its range) failed.</summary>
    public SourceDataException Invalid(string column, object? value, string reason) => Bad(column, value, reason);

    /// <summary>
    /// <paramref name="later"/> (of <paramref name="column"/>) when it is empty or not before <paramref name="earlier"/>
    /// (of <paramref name="earlierColumn"/>); otherwise the row is refused naming both columns, with the value as UTC
    /// text whatever the provider's type: an end before its start (a ticket resolved before it was opened) is a bug in
    /// the source, not a fact.
    /// </summary>
    public DateTime? NotBefore(DateTime? later, string column, DateTime earlier, string earlierColumn) =>
        later is { } instant ? NotBefore(instant, column, earlier, earlierColumn) : null;

    /// <inheritdoc cref="NotBefore(DateTime?, string, DateTime, string)"/>
    public DateTime NotBefore(DateTime later, string column, DateTime earlier, string earlierColumn) =>
        later >= earlier ? later : throw Before(Store.StoreText.Instant(later), column, earlier, earlierColumn);

    /// <summary>As <see cref="NotBefore(DateTime?, string, DateTime, string)"/> for a date, compared with the day of <paramref name="earlier"/>.</summary>
    public DateOnly? NotBefore(DateOnly? later, string column, DateTime earlier, string earlierColumn) =>
        later is not { } date || date >= DateOnly.FromDateTime(earlier) ? later : throw Before(Store.StoreText.Date(date), column, earlier, earlierColumn);

    private SourceDataException Before(string text, string column, DateTime earlier, string earlierColumn) =>
        Bad(column, text, $"{text} is before {earlierColumn} {Store.StoreText.Instant(earlier)}; {column} must not be earlier than {earlierColumn}.");
}
