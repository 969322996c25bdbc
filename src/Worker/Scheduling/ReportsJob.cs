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
    OutputStep outputs,
    IOptions<ModelingOptions> modeling,
    IOptions<SignalOptions> signalOptions,
    IOptions<EmailOptions> email,
    WeeklyReportDelivery delivery) : IScheduledJob
{
    public const string Name = "reports";

    public static JobDefinition Definition { get; } = new(
        Name,
        "write the weekly risk reports (one per account manager, with an index), account_risk.csv, feature_usage.csv, renewal_forecast.csv and data_freshness.csv; e-mail the reports when Email:Enabled",
        null,
        [new(nameof(ScheduleOptions.Reports), Name, Chain: false, o => o.Reports)],
        typeof(ReportsJob));

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var company = await inputs.LoadAsync(cancellationToken).ConfigureAwait(false);
        var book = AccountBook.AsOf(company.History, company.AsOf);
        // The reports chart weekly active users from the activity; they need no score facts.
        var activity = AccountActivityBuilder.Build(company.Timeline, company.AsOf, company.Models.Churn.FeatureSettings.KeyFeatures, signalOptions.Value)
            .Where(a => book.TryGet(a.AccountId, out _))
            .ToList();
        var scores = ChurnModelWorkflow.Score(company.Timeline, company.Models, modeling.Value, company.AsOf);
        var result = await outputs.RunAsync(company.History, book, activity, scores, company.Models, company.AsOf, cancellationToken).ConfigureAwait(false);
        if (email.Value.Enabled)
        {
            // After the files are complete; a retry after a failed send rewrites the same files and sends only the
            // reports that did not go out (deliveries are recorded per week and manager).
            await delivery.SendAsync(null, resend: false, cancellationToken).ConfigureAwait(false);
        }

        return result.Files.Count;
    }
}
