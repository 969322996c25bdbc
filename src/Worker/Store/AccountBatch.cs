namespace ChurnWatch.Worker.Store;

/// <summary>
/// A run of consecutive accounts in the store's order of identifiers: the unit the pipeline reads, computes and frees
/// before the next, so its memory grows with a batch rather than with the company.
/// </summary>
/// <param name="Number">Position among the batches, from 0.</param>
/// <param name="FirstAccountId">The batch's first identifier.</param>
/// <param name="LastAccountId">Its last identifier (inclusive).</param>
/// <param name="Accounts">Accounts in the batch.</param>
internal sealed record AccountBatch(int Number, string FirstAccountId, string LastAccountId, int Accounts);
