using System.Security.Cryptography;
using System.Text;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Reports.Charts;
using MimeKit;
using MimeKit.Text;

namespace ChurnWatch.Worker.Pages.Email;

/// <summary>
/// The summary body of a manager's weekly email as one MIME part (multipart/related): the HTML from
/// <see cref="WeeklySummaryEmail"/> and each chart as a PNG part its <c>cid:</c> reference names. Written beside the
/// report when the report is written, so that sending (and re-sending) reads what the report step decided, like the
/// report itself; <see cref="Delivery.ReportMessage"/> wraps it with the plain-text part and the attachments.
/// </summary>
internal static class WeeklySummaryPart
{
    /// <summary>The summary part of <paramref name="report"/>.</summary>
    public static MimeEntity Create(WeeklyRiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Chart[] charts = [ReportCharts.ArrAtRiskByRenewalMonth(report), ReportCharts.RiskDistribution(report)];
        string[] ids = ["arr-at-risk-by-renewal-month@churnwatch", "risk-distribution@churnwatch"];
        var images = charts.Select((c, i) => new EmailImage(ids[i], c.Description, (int)c.Size.Width, (int)c.Size.Height)).ToList();
        var html = PageRenderer.Render<WeeklySummaryEmail>(new Dictionary<string, object?>
        {
            [nameof(WeeklySummaryEmail.Summary)] = WeeklySummary.From(report),
            [nameof(WeeklySummaryEmail.Images)] = images,
            [nameof(WeeklySummaryEmail.ReportFileName)] = ReportFileName.ForOwner(report.OwnerEmail),
        });

        var body = new TextPart(TextFormat.Html) { Text = html, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.ContentType.Charset = "utf-8";
        var related = new MultipartRelated { body };
        related.Root = body;
        for (var i = 0; i < charts.Length; i++)
        {
            related.Add(new MimePart("image", "png")
            {
                ContentId = ids[i],
                Content = new MimeContent(new MemoryStream(charts[i].ToPng())),
                ContentTransferEncoding = ContentEncoding.Base64,
                ContentDisposition = new ContentDisposition(ContentDisposition.Inline),
                FileName = ids[i].Split('@')[0] + ".png",
            });
        }

        // MimeKit picks random boundaries; one derived from the content keeps a re-run's file identical to the first.
        related.Boundary = "=-churnwatch-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)).AsSpan(0, 12));
        return related;
    }

    /// <summary>Writes the summary part of <paramref name="report"/> to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, WeeklyRiskReport report)
    {
        using var part = Create(report);
        AtomicFile.Write(path, stream => part.WriteTo(stream));
    }

    /// <summary>Reads a summary part written by <see cref="Write"/>.</summary>
    public static MimeEntity Read(string path) => MimeEntity.Load(path);
}
