using System.Globalization;

namespace ChurnWatch.Worker.Cli;

/// <summary>Checks of option values that the parser cannot make, each failing with a sentence that says what to type.</summary>
internal static class CommandArguments
{
    /// <summary>Parses an ISO date; the message names the option and shows the expected form.</summary>
    public static bool TryDate(string option, string? text, out DateOnly date, out string error)
    {
        error = string.Empty;
        if (text is not null && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        date = default;
        error = $"{option}: '{text}' is not a date; write it as YYYY-MM-DD, for example 2026-01-31.";
        return false;
    }

    /// <summary>A whole number in a range; the message names the option and the range.</summary>
    public static bool InRange(string option, int value, int min, int max, out string error)
    {
        error = value < min || value > max ? $"{option}: {value} is out of range; expected {min} to {max}." : string.Empty;
        return error.Length == 0;
    }
}
