namespace ChurnWatch.Worker.Store;

/// <summary>A source row ChurnWatch refused, and why.</summary>
/// <param name="Entity">Source entity (table name in the contract).</param>
/// <param name="Source">The table or file it was read from.</param>
/// <param name="Location">file:line, or the row's key.</param>
/// <param name="Column">The offending column, when one is to blame.</param>
/// <param name="Value">The offending value as text.</param>
/// <param name="Reason">What was expected, in plain words.</param>
internal sealed record QuarantinedRow(string Entity, string Source, string Location, string? Column, string? Value, string Reason);
