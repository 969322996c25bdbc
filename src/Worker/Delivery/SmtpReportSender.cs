using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// Sends report emails through the configured SMTP server, one message per manager. A failure names the recipient
/// and the server, never the credentials; messages already sent stay sent (email cannot be taken back), so the
/// error says how many went out.
/// </summary>
internal sealed partial class SmtpReportSender(IOptions<EmailOptions> options, ILogger<SmtpReportSender> logger)
{
    /// <param name="mails">The messages, sent in order.</param>
    /// <param name="onSent">Called after each message the server accepted (to record the delivery).</param>
    /// <param name="cancellationToken">Stops before the next message.</param>
    public async Task<int> SendAsync(IReadOnlyList<ReportMail> mails, Func<ReportMail, Task>? onSent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var settings = options.Value;
        if (!settings.Enabled)
        {
            throw new InvalidOperationException($"Email is off: set {EmailOptions.Section}:{nameof(EmailOptions.Enabled)} to true with a host and a sender to send reports.");
        }

        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.UseStartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
            UseDefaultCredentials = false,
            Credentials = string.IsNullOrEmpty(settings.Username) ? null : new NetworkCredential(settings.Username, settings.Password),
        };
        var sent = 0;
        foreach (var mail in mails)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var message = Message(settings.From!, mail);
            try
            {
                await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (SmtpException e)
            {
                throw new InvalidOperationException(
                    $"Sending the report to {mail.To} through {settings.Host}:{settings.Port} failed after {sent} of {mails.Count} were sent: {e.Message}", e);
            }

            sent++;
            LogSent(logger, mail.To, settings.Host!);
            if (onSent is not null)
            {
                await onSent(mail).ConfigureAwait(false);
            }
        }

        return sent;
    }

    private static MailMessage Message(string from, ReportMail mail)
    {
        var message = new MailMessage(new MailAddress(from), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Html,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = true,
        };
        message.Attachments.Add(new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(mail.Csv)), mail.CsvFileName, "text/csv")
        {
            TransferEncoding = TransferEncoding.Base64,
        });
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the weekly report to {Recipient} through {Host}")]
    private static partial void LogSent(ILogger logger, string recipient, string host);
}
