using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Finds inactive and upsell signals as of a date and applies them to the store's signal lifecycle.</summary>
internal sealed class SignalStep(IOptions<SignalOptions> options, SignalStore store)
{
    public async Task<SignalStepResult> RunAsync(CompanyHistory history, AccountBook book, DateOnly asOf, CancellationToken cancellationToken)
    {
        var keyFeatures = options.Value.KeyFeatures.Count > 0 ? options.Value.KeyFeatures.ToList() : AccountActivityBuilder.DefaultKeyFeatures(history);
        var rules = new SignalRules(options.Value);
        var found = AccountActivityBuilder.Build(history, asOf, keyFeatures)
            .Where(a => book.TryGet(a.AccountId, out _))
            .SelectMany(rules.Evaluate)
            .ToList();
        var owners = book.Active.ToDictionary(p => p.Account.AccountId, p => (p.Account.OwnerEmail, p.Arr), StringComparer.Ordinal);
        var changes = await store.ApplyAsync(asOf, found, owners, cancellationToken).ConfigureAwait(false);
        return new SignalStepResult(found, changes, keyFeatures);
    }
}
