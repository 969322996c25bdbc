using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Pipeline;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Finds every kind of signal as of the scores' date and applies them to the store's signal lifecycle.</summary>
internal sealed class SignalsJob(JobInputs inputs, ScoringFanOut scoring, SignalStep signals, IOptions<OutputOptions> output) : IScheduledJob
{
    public const string Name = "signals";

    public static JobDefinition Definition { get; } = new(
        Name,
        "find adoption, upsell, support, billing, renewal and risk-jump signals; open, update and resolve them in the store (tables signals, signal_events)",
        null,
        [],
        typeof(SignalsJob));

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var company = await inputs.LoadAsync(cancellationToken).ConfigureAwait(false);
        var book = AccountBook.AsOf(company.Company.Ledger, company.AsOf, output.Value.UnassignedOwner);
        // The same scores as the score job stored for this date: the same model, data and as-of give the same numbers.
        var scored = await scoring.RunAsync(Name, company.Company, company.Models, company.AsOf, ScoringNeeds.None, cancellationToken).ConfigureAwait(false);
        var result = await signals.RunAsync(scored.Activity, book, scored.Scores, company.Models.Churn.PredictorSettings, company.AsOf, cancellationToken).ConfigureAwait(false);
        return result.Found.Count;
    }
}
