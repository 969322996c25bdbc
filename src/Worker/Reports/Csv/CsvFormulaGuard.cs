namespace ChurnWatch.Worker.Reports.Csv;

/// <summary>
/// Protects text cells against CSV (formula) injection: a spreadsheet runs a cell that starts with =, +, -, @, tab or
/// CR as a formula, so an account named <c>=HYPERLINK(...)</c> could leak data when a product manager opens the
/// export. Such cells get a leading apostrophe, which spreadsheets read as "this is text" and do not display.
/// </summary>
/// <remarks>
/// Only text columns go through this guard; numeric columns are written as numbers so that -5 stays -5. The list of
/// characters is OWASP's.
/// </remarks>
internal static class CsvFormulaGuard
{
    /// <summary>The value, with an apostrophe in front when it could run as a formula; null stays null.</summary>
    public static string? Protect(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value;
        return IsTrigger(value[0]) ? "'" + value : value;
    }

    // The characters that make a spreadsheet treat a cell as a formula.
    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
