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
}
