namespace ChurnWatch.Worker.Delivery;

/// <summary>One account manager's weekly report as an email: the HTML page as the body (with a plain-text alternative), their accounts as a CSV attachment.</summary>
/// <param name="Week">The report's as-of date (ISO), the week it covers.</param>
/// <param name="To">The account manager's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Html">The report page, self-contained, as the body.</param>
/// <param name="CsvFileName">The attachment's file name.</param>
/// <param name="Csv">The attachment: the manager's rows of the account risk table.</param>
/// <param name="Text">The plain-text alternative: key figures and the accounts with the most ARR at risk, for mail clients that show no HTML.</param>
internal sealed record ReportMail(string Week, string To, string Subject, string Html, string CsvFileName, string Csv, string Text);
