namespace ChurnWatch.Worker.Store;

/// <summary>
/// The store's server could not be reached or refused the login. The message names the server and the setting
/// (Store:ConnectionString), never the connection string itself: it may hold a password.
/// </summary>
internal sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
