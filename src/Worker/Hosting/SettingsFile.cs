using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// appsettings.json in a folder, added to the configuration. A file that is not one JSON object (a missing comma, a
/// cut-off end, an empty file) stops the command with its path, line and position rather than .NET's
/// "Failed to load configuration from file".
/// </summary>
internal static class SettingsFile
{
    /// <summary>The file's name; it is optional, every setting has a default.</summary>
    public const string Name = "appsettings.json";

    public static IConfigurationBuilder AddSettingsFile(this IConfigurationBuilder configuration, string folder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Path.Combine(folder, Name);
        try
        {
            // The configuration manager of the host reads the file here, as it is added.
            return configuration.AddJsonFile(path, optional: true, reloadOnChange: false);
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException(Describe(path, e.InnerException ?? e), e);
        }
    }

    private static string Describe(string path, Exception problem)
    {
        if (problem.InnerException is JsonException json)
        {
            // System.Text.Json counts lines and bytes from 0 and appends "Path: $ | LineNumber: 2 | BytePositionInLine: 5.".
            var line = (json.LineNumber ?? 0) + 1;
            var position = (json.BytePositionInLine ?? 0) + 1;
            var reason = json.Message;
            var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
            cut = cut < 0 ? reason.IndexOf(" LineNumber: ", StringComparison.Ordinal) : cut;
            reason = cut < 0 ? reason : reason[..cut];
            return new FileInfo(path).Length == 0
                ? $"{path} is empty; it must hold one JSON object, at least {{}} (line 1, position 1)."
                : $"{path} is not valid JSON at line {line}, position {position}: {reason}";
        }

        return $"{path} is not a JSON object of settings: {problem.Message}";
    }
}
