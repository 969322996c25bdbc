namespace ChurnWatch.Worker.Ingestion;

/// <summary>A source row or table that ChurnWatch cannot use; the message names the entity, the row and the column.</summary>
internal sealed class SourceDataException : Exception
{
    public SourceDataException(string message)
        : base(message)
    {
    }

    public SourceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceDataException()
    {
    }

    /// <summary>The column at fault, when one is.</summary>
    public string? Column { get; init; }

    /// <summary>The offending value as text, when there is one.</summary>
    public string? Value { get; init; }

    /// <summary>What was expected, without the row's location (which the message also carries).</summary>
    public string? Reason { get; init; }
}
