using System.Text.Json;
using ChurnWatch.Worker.Delivery;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Tests.Reports;
using ChurnWatch.Worker.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.Delivery;

/// <summary>Weekly reports sent through a real SMTP server on loopback and read back as a mail client would.</summary>
public sealed class ReportEmailTests : IDisposable
{
    private const string Ana = "ana@example.com";
    private const string Ben = "ben@example.com";
    private readonly TempFolder _out = new();

    public ReportEmailTests()
    {
        // What the output step leaves behind: the account table and one page per owner.
        var header = string.Join(",", AccountRiskCsv.Columns);
        string Row(string owner, string account, string name) =>
            $"2026-11-16,{owner},{account},{name},SMB,Team,12000,0.31,3720,High,0.05,2027-01-31,0.74,Usage fell,gone_dark,4";
        File.WriteAllLines(Path.Combine(_out.Path, AccountRiskCsv.FileName),
        [
            header,
            Row(Ana, "A1", "Acme"),
            Row(Ben, "B1", "\"'=HYPERLINK(\"\"x\"\")\""), // a guarded cell as the export writes it
            Row(Ana, "A2", "Globex"),
        ]);
        Directory.CreateDirectory(Path.Combine(_out.Path, "reports"));
        File.WriteAllText(Path.Combine(_out.Path, "reports", ReportFileName.ForOwner(Ana)), "<!doctype html><title>Ana</title><p>Acme &amp; Globex: 2 accounts</p>");
        File.WriteAllText(Path.Combine(_out.Path, "reports", ReportFileName.ForOwner(Ben)), "<!doctype html><title>Ben</title><p>&lt;script&gt; shown as text</p>");
        foreach (var owner in new[] { Ana, Ben })
        {
            ChurnWatch.Worker.Pages.Email.WeeklySummaryPart.Write(Path.Combine(_out.Path, "reports", ReportFileName.EmailForOwner(owner)), ReportFixtures.Report(owner));
        }
    }

    /// <summary>The summary body written for <paramref name="owner"/>, as the email's HTML.</summary>
    private string SummaryHtml(string owner)
    {
        using var summary = MimeKit.MimeEntity.Load(Path.Combine(_out.Path, "reports", ReportFileName.EmailForOwner(owner)));
        return WeeklyEmailTests.Html(summary);
    }

    private static SmtpReportSender Sender(int port, string? user = null, string? password = null) =>
        new(Options.Create(new EmailOptions { Enabled = true, Host = "127.0.0.1", Port = port, UseStartTls = false, From = "churnwatch@example.com", Username = user, Password = password }),
            NullLogger<SmtpReportSender>.Instance);

    [SmtpFact]
    public async Task SendAsync_TwoManagers_EachGetsTheirPageAndOnlyTheirAccounts()
    {
        using var smtp = new SmtpSink();
        var mails = ReportMailBuilder.Build(_out.Path);

        var sent = await Sender(smtp.Port).SendAsync(mails, null, CancellationToken.None);

        var messages = smtp.Messages();
        Assert.Equal(2, sent);
        Assert.Equal([Ana, Ben], messages.Select(m => m.GetProperty("rcpt_tos")[0].GetString()));
        foreach (var message in messages)
        {
            var owner = message.GetProperty("rcpt_tos")[0].GetString()!;
            Assert.Equal("ChurnWatch weekly risk report, week of 2026-11-16", message.GetProperty("subject").GetString());
            Assert.Equal("churnwatch@example.com", message.GetProperty("mail_from").GetString());
            var page = await File.ReadAllTextAsync(Path.Combine(_out.Path, "reports", ReportFileName.ForOwner(owner)));
            // The body is the summary written for mail clients; the full page and the CSV are attached.
            // (SMTP carries lines ended by CRLF; the file has the platform's line ends.)
            Assert.Equal(SummaryHtml(owner).ReplaceLineEndings("\n").TrimEnd('\n'), message.GetProperty("html").GetString()!.ReplaceLineEndings("\n").TrimEnd('\n'));
            var attachments = message.GetProperty("attachments").EnumerateArray().ToList();
            Assert.Equal(2, attachments.Count);
            Assert.Equal(ReportFileName.ForOwner(owner), attachments[0].GetProperty("filename").GetString());
            Assert.Equal("text/html", attachments[0].GetProperty("content_type").GetString());
            Assert.Equal(page, attachments[0].GetProperty("text").GetString());
            var attachment = attachments[1];
            Assert.Equal("accounts-2026-11-16.csv", attachment.GetProperty("filename").GetString());
            Assert.Equal("text/csv", attachment.GetProperty("content_type").GetString());
            var lines = attachment.GetProperty("text").GetString()!.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(",", AccountRiskCsv.Columns), lines[0]);
            Assert.All(lines.Skip(1), line => Assert.Contains($",{owner},", line, StringComparison.Ordinal));
            Assert.Equal(owner == Ana ? 2 : 1, lines.Length - 1);
        }

        // the guarded formula cell arrives still guarded
        Assert.Contains("'=HYPERLINK", messages[1].GetProperty("attachments")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [SmtpFact]
    public async Task SendAsync_ServerRefuses_FailsNamingRecipientAndServerButNotThePassword()
    {
        // The server wants a login; without STARTTLS .NET's client never sends credentials, so it is refused.
        using var smtp = new SmtpSink("reports", "s3cret-pw");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Sender(smtp.Port, "reports", "wrong-pw-123").SendAsync(ReportMailBuilder.Build(_out.Path), null, CancellationToken.None));

        Assert.Contains(Ana, error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{smtp.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 0 of 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pw-123", error.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [SmtpFact]
    public async Task WeeklyReportDelivery_SecondRunSameWeek_SendsOnlyWhatDidNotGoOut()
    {
        using var smtp = new SmtpSink();
        using var storeFolder = new TempFolder();
        var database = TestStore.Create(storeFolder);
        await database.MigrateAsync(CancellationToken.None);
        var deliveries = new ChurnWatch.Worker.Store.ReportDeliveryStore(database, new FixedTimeProvider(TestStore.Now));
        var delivery = new WeeklyReportDelivery(Options.Create(new ChurnWatch.Worker.Configuration.OutputOptions { Folder = _out.Path }), deliveries, Sender(smtp.Port));

        var first = await delivery.SendAsync(Ben, resend: false, CancellationToken.None); // as if the run stopped after Ben
        var second = await delivery.SendAsync(null, resend: false, CancellationToken.None);
        var third = await delivery.SendAsync(null, resend: false, CancellationToken.None);
        var forced = await delivery.SendAsync(Ana, resend: true, CancellationToken.None);

        Assert.Equal((1, 0, 0), first);
        Assert.Equal((1, 1, 0), second);
        Assert.Equal((0, 2, 0), third);
        Assert.Equal((1, 0, 0), forced);
        Assert.Equal([Ben, Ana, Ana], smtp.Messages().Select(m => m.GetProperty("rcpt_tos")[0].GetString()));
        Assert.Equal(new HashSet<string> { Ana, Ben }, await deliveries.SentAsync("2026-11-16", CancellationToken.None));
    }

    [SmtpFact]
    public async Task WeeklyReportDelivery_UnassignedAccountsReport_IsWrittenButNotSent()
    {
        // The accounts without an owner_email are the "unassigned" owner's (Output:UnassignedOwner): a report on disk,
        // no address to send it to.
        using var smtp = new SmtpSink();
        using var storeFolder = new TempFolder();
        var header = string.Join(",", AccountRiskCsv.Columns);
        var rows = File.ReadAllLines(Path.Combine(_out.Path, AccountRiskCsv.FileName)).Skip(1).Take(1)
            .Concat([$"2026-11-16,unassigned,U1,Umbrella,SMB,Team,12000,0.31,3720,High,0.05,2027-01-31,0.74,Usage fell,gone_dark,4"]);
        File.WriteAllLines(Path.Combine(_out.Path, AccountRiskCsv.FileName), [header, .. rows]);
        File.WriteAllText(Path.Combine(_out.Path, "reports", ReportFileName.ForOwner("unassigned")), "<!doctype html><title>unassigned</title>");
        ChurnWatch.Worker.Pages.Email.WeeklySummaryPart.Write(Path.Combine(_out.Path, "reports", ReportFileName.EmailForOwner("unassigned")), ReportFixtures.Report("unassigned"));
        var database = TestStore.Create(storeFolder);
        await database.MigrateAsync(CancellationToken.None);
        var deliveries = new ChurnWatch.Worker.Store.ReportDeliveryStore(database, new FixedTimeProvider(TestStore.Now));
        var delivery = new WeeklyReportDelivery(Options.Create(new ChurnWatch.Worker.Configuration.OutputOptions { Folder = _out.Path }), deliveries, Sender(smtp.Port));

        var result = await delivery.SendAsync(null, resend: false, CancellationToken.None);

        Assert.Equal((1, 0, 1), result);
        Assert.Equal([Ana], smtp.Messages().Select(m => m.GetProperty("rcpt_tos")[0].GetString()));
    }

    [Fact]
    public async Task DryRunOut_WritesEachMessageAsAnEmlFile_ThatAMailClientReadsAsTheReport()
    {
        using var emails = new TempFolder();

        var (exitCode, output, error) = await ChurnWatchProcess.RunAsync(emails.Path, ["reports", "email", "--dry-run", "--out", emails.File("eml")],
            ("CHURNWATCH__Output__Folder", _out.Path), ("CHURNWATCH__Email__From", "churnwatch@example.com"));

        Assert.True(exitCode == 0, error);
        var files = Directory.GetFiles(emails.File("eml"), "*.eml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        foreach (var file in files)
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file);
            var owner = Assert.Single(message.To.Mailboxes).Address;
            Assert.Contains(file, output, StringComparison.Ordinal);
            Assert.Equal("churnwatch@example.com", Assert.Single(message.From.Mailboxes).Address);
            Assert.Equal("ChurnWatch weekly risk report, week of 2026-11-16", message.Subject);
            Assert.Equal(SummaryHtml(owner), message.HtmlBody);
            // The HTML body's charts are parts of the message, found by their cid: references.
            var related = Assert.Single(message.BodyParts.OfType<MimeKit.MultipartRelated>().Concat(message.Body is MimeKit.Multipart m ? m.OfType<MimeKit.MultipartAlternative>().SelectMany(a => a.OfType<MimeKit.MultipartRelated>()) : []).Distinct());
            Assert.All(System.Text.RegularExpressions.Regex.Matches(message.HtmlBody!, "src=\"cid:([^\"]+)\"").Select(x => x.Groups[1].Value),
                cid => Assert.Equal("image/png", related.OfType<MimeKit.MimePart>().Single(p => p.ContentId == cid).ContentType.MimeType));
            // A plain-text alternative for clients that show no HTML: the owner's accounts, most ARR at risk first.
            Assert.StartsWith($"ChurnWatch weekly risk report, week of 2026-11-16, for {owner}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains(owner == Ana ? "2 accounts, ARR 24,000, ARR at risk 7,440." : "1 account, ARR 12,000, ARR at risk 3,720.", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("churn risk 31% (High), ARR at risk 3,720. Usage fell", message.TextBody, StringComparison.Ordinal);
            var attached = message.Attachments.OfType<MimeKit.MimePart>().ToList();
            Assert.Equal([ReportFileName.ForOwner(owner), "accounts-2026-11-16.csv"], attached.Select(a => a.FileName));
            using (var page = new MemoryStream())
            {
                await attached[0].Content!.DecodeToAsync(page);
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_out.Path, "reports", ReportFileName.ForOwner(owner))), System.Text.Encoding.UTF8.GetString(page.ToArray()));
            }

            var attachment = attached[1];
            using var csv = new MemoryStream();
            await attachment.Content!.DecodeToAsync(csv);
            var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(",", AccountRiskCsv.Columns), lines[0]);
            Assert.All(lines.Skip(1), line => Assert.Contains($",{owner},", line, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Build_OwnerWithoutAccounts_SaysSo()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportMailBuilder.Build(_out.Path, "nobody@example.com"));

        Assert.Contains("No accounts are owned by nobody@example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoReportsWritten_SaysToRunTheReportsFirst()
    {
        using var empty = new TempFolder();

        var error = Assert.Throws<FileNotFoundException>(() => ReportMailBuilder.Build(empty.Path));

        Assert.Contains("Run 'churnwatch demo'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _out.Dispose();
}
