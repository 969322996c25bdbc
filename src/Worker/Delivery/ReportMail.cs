namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// One account manager's weekly report as an email: a summary written for mail clients as the body (with a plain-text
/// alternative), the full report page and their accounts as CSV attached.
/// </summary>
/// <param name="Week">The report's as-of date (ISO), the week it covers.</param>
/// <param name="To">The account manager's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="SummaryPath">The summary body written with the report (see <see cref="Pages.Email.WeeklySummaryPart"/>).</param>
/// <param name="ReportFileName">The attached report page's file name.</param>
/// <param name="Html">The full report page, self-contained, attached.</param>
/// <param name="CsvFileName">The CSV attachment's file name.</param>
/// <param name="Csv">The CSV attachment: the manager's rows of the account risk table.</param>
/// <param name="Text">The plain-text alternative: key figures and the accounts with the most ARR at risk, for mail clients that show no HTML.</param>
internal sealed record ReportMail(string Week, string To, string Subject, string SummaryPath, string ReportFileName, string Html, string CsvFileName, string Csv, string Text);
