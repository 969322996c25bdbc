using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Finds every kind of signal as of a date and applies them to the store's signal lifecycle.</summary>
internal sealed class SignalStep(IOptions<SignalOptions> options, SignalStore store, ScoreStore scoreStore)
{
    /// <param name="accountActivity">Every active account's activity as of the date (from <see cref="AccountScoring"/>).</param>
    /// <param name="book">Active accounts with owner and ARR.</param>
    /// <param name="scores">This date's scores (churn and renewal probability); the previous ones are read from the store.</param>
    /// <param name="settings">Key features (activation) and plan tiers (plan fit), as the churn model uses them.</param>
    /// <param name="asOf">The observation date.</param>
    /// <param name="cancellationToken">Cancels before the store commits.</param>
    public async Task<SignalStepResult> RunAsync(
        IReadOnlyList<AccountActivity> accountActivity, AccountBook book, IReadOnlyList<AccountScore> scores, PredictorSettings settings, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(settings);
        var signalOptions = options.Value;
        ArgumentNullException.ThrowIfNull(accountActivity);
        var activity = accountActivity.Where(a => book.TryGet(a.AccountId, out _)).ToList();
        var previous = await scoreStore.PreviousAsync(asOf, cancellationToken).ConfigureAwait(false);
        var scored = ScoreFacts.Attach(
            activity,
            scores.ToDictionary(s => s.AccountId, s => (s.ChurnProbability, s.RenewalProbability), StringComparer.Ordinal),
            previous);
        var found = new SignalRules(signalOptions).EvaluateAll(scored, settings.PlanTiers);
        var owners = book.Active.ToDictionary(p => p.Account.AccountId, p => (p.Account.OwnerEmail, p.Arr), StringComparer.Ordinal);
        var changes = await store.ApplyAsync(asOf, found, owners, cancellationToken, signalOptions.WeeklyCapPerOwner).ConfigureAwait(false);
        return new SignalStepResult(found, changes, scored);
    }
}
