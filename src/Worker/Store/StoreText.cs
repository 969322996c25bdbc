using System.Globalization;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// How instants and dates are written as text in the store: ISO-8601, UTC, fixed width, so that text order is
/// time order and SQL comparisons on the columns work without conversion.
/// </summary>
internal static class StoreText
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    public static string Instant(DateTime utc) => utc.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string? Instant(DateTime? utc) => utc is { } value ? Instant(value) : null;

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? date) => date is { } value ? Date(value) : null;

    public static DateTime ParseInstant(string text) =>
        DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static DateTime? ParseInstantOrNull(string? text) => text is null ? null : ParseInstant(text);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDateOrNull(string? text) => text is null ? null : ParseDate(text);
}
