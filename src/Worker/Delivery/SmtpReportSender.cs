using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// Sends report emails through the configured SMTP server with MailKit, one message per manager. Credentials go only
/// over STARTTLS. A failure names the recipient and the server, never the credentials; messages already sent stay sent
/// (email cannot be taken back), so the error says how many went out.
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

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var sent = 0;
        // Every failure of the server or the connection (refused, unreachable, TLS, login) is said in one sentence that
        // names the recipient and the server; a failure of ChurnWatch's own (recording a delivery) is not dressed up as one.
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken).ConfigureAwait(false);
            if (settings.UseStartTls && !string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failed(mails.Count > 0 ? mails[0].To : "(nobody)", e);
        }

        foreach (var mail in mails)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var message = ReportMessage.Create(settings.From!, mail);
            try
            {
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw Failed(mail.To, e);
            }

            sent++;
            LogSent(logger, mail.To, settings.Host!);
            if (onSent is not null)
            {
                await onSent(mail).ConfigureAwait(false);
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        return sent;

        InvalidOperationException Failed(string to, Exception e) => new(
            $"Sending the report to {to} through {settings.Host}:{settings.Port} failed after {sent} of {mails.Count} were sent: {e.Message}", e);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the weekly report to {Recipient} through {Host}")]
    private static partial void LogSent(ILogger logger, string recipient, string host);
}
