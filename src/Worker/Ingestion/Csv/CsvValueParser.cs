using System.Globalization;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// Reads CSV text as the contract's types with the drop's culture and date formats. A value that does not parse
/// throws a <see cref="SourceDataException"/> with the column, the value and what was expected, so the row is
/// quarantined rather than the run failing.
/// </summary>
internal sealed class CsvValueParser(CsvDropOptions options)
{
    private const NumberStyles Numbers = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private static readonly string[] TrueTexts = ["true", "1", "yes", "y", "t"];
    private static readonly string[] FalseTexts = ["false", "0", "no", "n", "f"];

    private readonly NumberFormatInfo _numbers = options.NumberFormat();
    private readonly string[] _dateFormats = [.. options.EffectiveDateFormats];

    /// <summary>A decimal number; empty is refused.</summary>
    public double Number(string? value, string column) =>
        value is null ? throw Required(column, "a number")
        : double.TryParse(value, Numbers, _numbers, out var parsed) && double.IsFinite(parsed) ? parsed
        : throw Bad(column, value, $"'{value}' is not a number (decimal separator '{_numbers.NumberDecimalSeparator}').");

    /// <summary>A whole number; empty is refused.</summary>
    public long Whole(string? value, string column) =>
        WholeOrNull(value, column) ?? throw Required(column, "a whole number");

    /// <summary>A whole number, or null when empty.</summary>
    public long? WholeOrNull(string? value, string column) =>
        value is null ? null
        : long.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, _numbers, out var parsed) ? parsed
        : throw Bad(column, value, $"'{value}' is not a whole number.");

    /// <summary>A boolean: true/false, 1/0, yes/no (any case); empty is refused.</summary>
    public static bool Flag(string? value, string column) =>
        value is null ? throw Required(column, "true or false")
        : TrueTexts.Contains(value, StringComparer.OrdinalIgnoreCase) ? true
        : FalseTexts.Contains(value, StringComparer.OrdinalIgnoreCase) ? false
        : throw Bad(column, value, $"'{value}' is not a boolean; expected true or false.");

    /// <summary>A timestamp as the store writes it (ISO-8601 UTC), or null when empty.</summary>
    public string? Instant(string? value, string column) =>
        value is null ? null : StoreText.Instant(ParseInstant(value, column));

    /// <summary>A timestamp in UTC; empty is refused.</summary>
    public DateTime RequiredInstant(string? value, string column) =>
        value is null ? throw Required(column, "a timestamp") : ParseInstant(value, column);

    /// <summary>A date as the store writes it (yyyy-MM-dd), or null when empty. The date part of a timestamp is its date.</summary>
    public string? Date(string? value, string column)
    {
        if (value is null)
        {
            return null;
        }

        // A plain date reads as midnight UTC, so converting to UTC keeps its day.
        return DateTime.TryParseExact(value, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            || DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed)
            ? StoreText.Date(DateOnly.FromDateTime(parsed))
            : throw Bad(column, value, $"'{value}' is not a date; expected {Expected()}.");
    }

    private DateTime ParseInstant(string value, string column) =>
        DateTime.TryParseExact(value, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
            : throw Bad(column, value, $"'{value}' is not a timestamp; expected {Expected()}.");

    private string Expected() => string.Join(" or ", _dateFormats.Take(3).Select(f => $"'{f}'")) + (_dateFormats.Length > 3 ? " (CsvDrops:DateFormats)" : string.Empty);

    private static SourceDataException Required(string column, string what) => Bad(column, null, $"{what} is required but it is empty.");

    private static SourceDataException Bad(string column, string? value, string reason) =>
        new($"column {column}: {reason}") { Column = column, Value = value, Reason = reason };
}
