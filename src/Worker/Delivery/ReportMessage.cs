using MimeKit;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// A manager's report as a MIME message (MimeKit): the report page as the HTML body with a plain-text alternative, their accounts as a CSV
/// attachment. The one place a message is built, so what is sent and what <c>reports email --dry-run --out</c> writes
/// as <c>.eml</c> are the same message.
/// </summary>
internal static class ReportMessage
{
    public static MimeMessage Create(string from, ReportMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        var csv = (MimePart)body.Attachments.Add(mail.CsvFileName, System.Text.Encoding.UTF8.GetBytes(mail.Csv), new ContentType("text", "csv") { Charset = "utf-8" });
        // Base64 keeps the CSV's bytes (its CRLF line ends, quoted cells) exactly, in transit and in a written .eml.
        csv.ContentTransferEncoding = ContentEncoding.Base64;
        message.Body = body.ToMessageBody();
        return message;
    }
}
