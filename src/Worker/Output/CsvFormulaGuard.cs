namespace ChurnWatch.Worker.Output;

/// <summary>
/// Protects text cells against CSV (formula) injection: a spreadsheet runs a cell that starts with =, +, -, @, tab or
/// CR as a formula, so an account named <c>=HYPERLINK(...)</c> could leak data when a product manager opens the
/// export. Such cells get a leading apostrophe, which spreadsheets read as "this is text" and do not display.
/// </summary>
/// <remarks>
/// Numeric columns are written as numbers and never pass through here. A text cell that is exactly a negative
/// number (a refused amount of -5 in the quarantine file) is left alone too: a spreadsheet reads it as the number it
/// is, nothing runs, and an apostrophe would turn it into text that no longer sorts or sums. The list of characters
/// is OWASP's.
/// </remarks>
internal static class CsvFormulaGuard
{
    /// <summary>The value, with an apostrophe in front when it could run as a formula; null stays null.</summary>
    public static string? Protect(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value;
        return IsTrigger(value[0]) && !IsNegativeNumber(value) ? "'" + value : value;
    }

    // The characters that make a spreadsheet treat a cell as a formula.
    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    // "-" then digits with at most one decimal point and at least one digit: "-5", "-0.25", "-.5". Anything more
    // ("-2+3", "-1e5", "-A1") is guarded, because a spreadsheet would evaluate it.
    private static bool IsNegativeNumber(string value)
    {
        if (value.Length < 2 || value[0] != '-')
            return false;
        var digits = 0;
        var points = 0;
        foreach (var c in value.AsSpan(1))
        {
            if (c is >= '0' and <= '9')
                digits++;
            else if (c == '.')
                points++;
            else
                return false;
        }

        return digits > 0 && points <= 1;
    }
}
