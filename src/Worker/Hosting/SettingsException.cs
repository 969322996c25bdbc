namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// A setting ChurnWatch cannot use, found outside the options validators: appsettings.json that is not JSON, a key
/// ChurnWatch does not know, a folder that does not exist. The message names the file or the key and what was
/// expected; commands exit with <see cref="Cli.ExitCodes.BadConfiguration"/>.
/// </summary>
internal sealed class SettingsException : Exception
{
    public SettingsException()
    {
    }

    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
