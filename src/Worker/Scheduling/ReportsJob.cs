using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Delivery;
using ChurnWatch.Worker.Pipeline;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Writes the weekly outputs to Output:Folder and, with Email:Enabled, mails each account manager their report.</summary>
internal sealed class ReportsJob(
    JobInputs inputs,
    ScoringFanOut scoring,
    OutputStep outputs,
    IOptions<EmailOptions> email,
    IOptions<OutputOptions> output,
    WeeklyReportDelivery delivery) : IScheduledJob
{
    public const string Name = "reports";

    public static JobDefinition Definition { get; } = new(
        Name,
        "write the weekly risk reports (one per account manager, with an index), account_risk.csv, feature_usage.csv and data_freshness.csv; e-mail the reports when Email:Enabled",
        null,
        [new(nameof(ScheduleOptions.Reports), Name, Chain: false, o => o.Reports)],
        typeof(ReportsJob));

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var company = await inputs.LoadAsync(cancellationToken).ConfigureAwait(false);
        var book = AccountBook.AsOf(company.Company.Ledger, company.AsOf, output.Value.UnassignedOwner);
        var scored = await scoring.RunAsync(Name, company.Company, company.Models, company.AsOf, ScoringNeeds.Changes, cancellationToken).ConfigureAwait(false);
        // The reports chart weekly active users from the activity; they need no score facts.
        var activity = scored.Activity.Where(a => book.TryGet(a.AccountId, out _)).ToList();
        var result = await outputs.RunAsync(company.Company.Ledger, book, activity, scored.Scores, company.Models, company.AsOf, cancellationToken).ConfigureAwait(false);
        if (email.Value.Enabled)
        {
            // After the files are complete; a retry after a failed send rewrites the same files and sends only the
            // reports that did not go out (deliveries are recorded per week and manager).
            await delivery.SendAsync(null, resend: false, cancellationToken).ConfigureAwait(false);
        }

        return result.Files.Count;
    }
}
