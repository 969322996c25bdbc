using System.CommandLine;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Delivery;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch reports email</c>: send each account manager the weekly report last written to Output:Folder.</summary>
internal static class ReportsCommand
{
    public static Command Create()
    {
        var command = new Command("reports", "Deliver the weekly risk reports.");
        command.Subcommands.Add(Email());
        return command;
    }

    private static Command Email()
    {
        var owner = new Option<string?>("--owner") { Description = "Send only this account manager's report (their email address)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List who would get which report, and send nothing." };
        var outFolder = new Option<string?>("--out")
        {
            Description = "With --dry-run: write each message as an .eml file in this folder (open it in your own mail client before enabling email).",
        };
        var resend = new Option<bool>("--resend") { Description = "Send again to managers who already had this week's report (by default each gets it once)." };
        var command = new Command(
            "email",
            "Email each account manager their weekly report (a summary with its charts in the body; the full report and their accounts as CSV attached) through the SMTP server in the Email settings.")
        {
            owner, dryRun, resend, outFolder,
        };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(
            async (services, ct) =>
            {
                var folder = services.GetRequiredService<IOptions<OutputOptions>>().Value.Folder;
                IReadOnlyList<ReportMail> mails;
                try
                {
                    mails = ReportMailBuilder.Build(folder, parse.GetValue(owner));
                }
                catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
                {
                    return CommandHost.Fail(ExitCodes.Failed, e.Message);
                }
                catch (ArgumentException e)
                {
                    return CommandHost.Fail(ExitCodes.BadArguments, $"--owner: {e.Message.Split(" (Parameter", 2)[0]}");
                }

                if (parse.GetValue(outFolder) is not null && !parse.GetValue(dryRun))
                {
                    return CommandHost.Fail(ExitCodes.BadArguments, "--out: only with --dry-run (it writes the messages instead of sending them).");
                }

                if (parse.GetValue(dryRun))
                {
                    var from = services.GetRequiredService<IOptions<EmailOptions>>().Value.From;
                    var written = parse.GetValue(outFolder) is { } target ? Directory.CreateDirectory(target).FullName : null;
                    foreach (var mail in mails)
                    {
                        var eml = string.Empty;
                        if (written is not null)
                        {
                            // The message exactly as it would be sent (MimeKit), written whole or not at all.
                            var path = Path.Combine(written, Path.ChangeExtension(ReportFileName.ForOwner(mail.To), ".eml"));
                            using var message = ReportMessage.Create(string.IsNullOrWhiteSpace(from) ? "churnwatch@localhost" : from, mail);
                            AtomicFile.Write(path, stream => message.WriteTo(stream));
                            eml = $", written to {path}";
                        }

                        Console.WriteLine($"{mail.To}: \"{mail.Subject}\", a summary of {new FileInfo(mail.SummaryPath).Length:N0} bytes with its charts, attachments {mail.ReportFileName} ({mail.Html.Length:N0} characters) and {mail.CsvFileName} ({mail.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1} accounts){eml}");
                    }

                    return ExitCodes.Ok;
                }

                if (!services.GetRequiredService<IOptions<EmailOptions>>().Value.Enabled)
                {
                    return CommandHost.Fail(ExitCodes.BadConfiguration, $"Email is off: set {EmailOptions.Section}:{nameof(EmailOptions.Enabled)} to true, with {EmailOptions.Section}:{nameof(EmailOptions.Host)} and {EmailOptions.Section}:{nameof(EmailOptions.From)} (appsettings.json or CHURNWATCH__Email__<Key>).");
                }

                var (sent, already, notAddressed) = await services.GetRequiredService<WeeklyReportDelivery>().SendAsync(parse.GetValue(owner), parse.GetValue(resend), ct).ConfigureAwait(false);
                Console.WriteLine((already == 0 ? $"Sent {sent} weekly reports." : $"Sent {sent} weekly reports; {already} managers already had this week's (--resend sends theirs again).")
                    + (notAddressed == 0 ? string.Empty : $" {notAddressed} report(s) not sent: the owner is not an email address (accounts without owner_email go to Output:UnassignedOwner; set it to an address to send them)."));
                return ExitCodes.Ok;
            },
            null,
            cancellationToken));
        return command;
    }
}
