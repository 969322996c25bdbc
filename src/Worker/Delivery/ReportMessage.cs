using MimeKit;
using MimeKit.Text;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// A manager's weekly email as a MIME message (MimeKit): multipart/mixed of the body (multipart/alternative of the
/// plain text and the summary written with the report: HTML with its charts as cid: PNG parts) and two attachments,
/// the full report page and their accounts as CSV. The one place a message is built, so what is sent and what
/// <c>reports email --dry-run --out</c> writes as <c>.eml</c> are the same message.
/// </summary>
internal static class ReportMessage
{
    public static MimeMessage Create(string from, ReportMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var text = new TextPart(TextFormat.Plain) { Text = mail.Text };
        text.ContentType.Charset = "utf-8";
        var body = new MultipartAlternative { text, MimeEntity.Load(mail.SummaryPath) };
        var report = Attachment(mail.ReportFileName, new ContentType("text", "html") { Charset = "utf-8" }, mail.Html);
        var csv = Attachment(mail.CsvFileName, new ContentType("text", "csv") { Charset = "utf-8" }, mail.Csv);
        message.Body = new Multipart("mixed") { body, report, csv };
        return message;
    }

    // Base64 keeps an attachment's bytes (the CSV's CRLF line ends, quoted cells) exactly, in transit and in a written .eml.
    private static MimePart Attachment(string fileName, ContentType type, string content) => new(type)
    {
        Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content))),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = fileName,
    };
}
