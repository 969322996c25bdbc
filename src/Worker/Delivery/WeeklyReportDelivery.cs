using System.Net.Mail;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Delivery;

/// <summary>
/// Emails the weekly reports last written to <c>Output:Folder</c> to the managers who have not had this week's yet.
/// Each delivery is recorded as soon as the server accepts it, so a job retried after a failure halfway (or a second
/// run the same week) sends only the rest: nobody gets the same week twice unless asked to (<c>--resend</c>).
/// </summary>
internal sealed class WeeklyReportDelivery(IOptions<OutputOptions> output, ReportDeliveryStore deliveries, SmtpReportSender sender)
{
    /// <summary>
    /// Sends what has not been sent; returns (sent, already sent before, reports whose owner is not an email address:
    /// written, not sent, as the unassigned accounts' report is unless Output:UnassignedOwner is an address).
    /// </summary>
    public async Task<(int Sent, int AlreadySent, int NotAddressed)> SendAsync(string? onlyOwner, bool resend, CancellationToken cancellationToken)
    {
        var written = ReportMailBuilder.Build(output.Value.Folder, onlyOwner);
        var mails = written.Where(m => MailAddress.TryCreate(m.To, out _)).ToList();
        var notAddressed = written.Count - mails.Count;
        if (mails.Count == 0)
        {
            return (0, 0, notAddressed);
        }

        var sentBefore = resend ? new HashSet<string>() : await deliveries.SentAsync(mails[0].Week, cancellationToken).ConfigureAwait(false);
        var due = mails.Where(m => !sentBefore.Contains(m.To.ToLowerInvariant())).ToList();
        var sent = await sender.SendAsync(due, m => deliveries.RecordAsync(m.Week, m.To, CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return (sent, mails.Count - due.Count, notAddressed);
    }
}
