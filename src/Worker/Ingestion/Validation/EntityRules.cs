namespace ChurnWatch.Worker.Ingestion.Validation;

/// <summary>What the validator checks of one entity's records beyond their own columns.</summary>
/// <typeparam name="TRecord">The record type.</typeparam>
/// <param name="Entity">Entity name as in the source contract (<c>tickets</c>).</param>
/// <param name="Key">
/// The record's identity: two records with one key in one run are duplicates. Null for raw events, which have no
/// identity (two equal rows are two events) and so are not checked for duplicates, nor held in memory for it.
/// </param>
/// <param name="AccountId">The account a record belongs to, checked against known accounts; null for accounts themselves.</param>
/// <param name="Observed">
/// Timestamps that record something that happened, so must not lie in the future. Contractual terms fixed in
/// advance (a renewal date, an invoice's due date) are not among them.
/// </param>
internal sealed record EntityRules<TRecord>(
    string Entity,
    Func<TRecord, string>? Key,
    Func<TRecord, string>? AccountId,
    Func<TRecord, IEnumerable<DateTime>> Observed);
