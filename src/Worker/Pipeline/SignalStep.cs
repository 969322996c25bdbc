using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Finds inactive and upsell signals as of a date and applies them to the store's signal lifecycle.</summary>
internal sealed class SignalStep(IOptions<SignalOptions> options, SignalStore store)
{
    /// <param name="history">The company's data.</param>
    /// <param name="book">Active accounts with owner and ARR.</param>
    /// <param name="activity">Each active account's activity as of the date (see <see cref="AccountActivityBuilder"/>).</param>
    /// <param name="asOf">The observation date.</param>
    /// <param name="cancellationToken">Cancels before the store commits.</param>
    public async Task<SignalStepResult> RunAsync(CompanyHistory history, AccountBook book, IReadOnlyList<AccountActivity> activity, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rules = new SignalRules(options.Value);
        var found = activity
            .Where(a => book.TryGet(a.AccountId, out _))
            .SelectMany(rules.Evaluate)
            .ToList();
        var owners = book.Active.ToDictionary(p => p.Account.AccountId, p => (p.Account.OwnerEmail, p.Arr), StringComparer.Ordinal);
        var changes = await store.ApplyAsync(asOf, found, owners, cancellationToken).ConfigureAwait(false);
        return new SignalStepResult(found, changes);
    }
}
