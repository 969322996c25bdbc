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
    /// <summary>Sends what has not been sent; returns (sent, already sent before).</summary>
    public async Task<(int Sent, int AlreadySent)> SendAsync(string? onlyOwner, bool resend, CancellationToken cancellationToken)
    {
        var mails = ReportMailBuilder.Build(output.Value.Folder, onlyOwner);
        if (mails.Count == 0)
        {
            return (0, 0);
        }

        var sentBefore = resend ? new HashSet<string>() : await deliveries.SentAsync(mails[0].Week, cancellationToken).ConfigureAwait(false);
        var due = mails.Where(m => !sentBefore.Contains(m.To.ToLowerInvariant())).ToList();
        var sent = await sender.SendAsync(due, m => deliveries.RecordAsync(m.Week, m.To, CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return (sent, mails.Count - due.Count);
    }
}
