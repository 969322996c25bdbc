using System.Globalization;

namespace ChurnWatch.Worker.Configuration;

/// <summary>A day typed by a user (an option, a form field), read as YYYY-MM-DD and nothing else.</summary>
internal static class IsoDate
{
    /// <summary>Parses a YYYY-MM-DD date; the message names the field and shows the expected form.</summary>
    public static bool TryParse(string field, string? text, out DateOnly date, out string error)
    {
        error = string.Empty;
        if (text is not null && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        date = default;
        error = $"{field}: '{text}' is not a date; write it as YYYY-MM-DD, for example 2026-01-31.";
        return false;
    }
}
