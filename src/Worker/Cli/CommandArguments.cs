using ChurnWatch.Worker.Configuration;

namespace ChurnWatch.Worker.Cli;

/// <summary>Checks of option values that the parser cannot make, each failing with a sentence that says what to type.</summary>
internal static class CommandArguments
{
    /// <summary>Parses an ISO date; the message names the option and shows the expected form.</summary>
    public static bool TryDate(string option, string? text, out DateOnly date, out string error) => IsoDate.TryParse(option, text, out date, out error);

    /// <summary>A whole number in a range; the message names the option and the range.</summary>
    public static bool InRange(string option, int value, int min, int max, out string error)
    {
        error = value < min || value > max ? $"{option}: {value} is out of range; expected {min} to {max}." : string.Empty;
        return error.Length == 0;
    }
}
