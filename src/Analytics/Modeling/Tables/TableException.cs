namespace ChurnWatch.Analytics.Modeling.Tables;

/// <summary>A table that cannot be used as asked; the message names the file, row or column and what was expected.</summary>
public sealed class TableException : Exception
{
    public TableException(string message)
        : base(message)
    {
    }

    public TableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableException()
    {
    }
}
