using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// appsettings.json in a folder, added to the configuration. A file that is not one JSON object (a missing comma, a
/// cut-off end, an empty file) stops the command with its path, line and position rather than .NET's
/// "Failed to load configuration from file". A list that later settings give (environment variables
/// <c>CHURNWATCH__Modeling__PlanTiers__0</c>, <c>__1</c>, ...) replaces the file's list whole: .NET configuration
/// would merge the two element by element, so a list of two set from the environment over a file's list of four
/// would keep the file's last two.
/// </summary>
internal static class SettingsFile
{
    /// <summary>The file's name; it is optional, every setting has a default.</summary>
    public const string Name = "appsettings.json";

    /// <param name="configuration">The builder.</param>
    /// <param name="folder">The folder of appsettings.json.</param>
    /// <param name="laterKeys">Every key the sources added after the file set (environment variables, overrides): the
    /// lists among them replace the file's.</param>
    public static IConfigurationBuilder AddSettingsFile(this IConfigurationBuilder configuration, string folder, IEnumerable<string>? laterKeys = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Path.Combine(folder, Name);
        var replaced = ListsIn(laterKeys ?? []);
        try
        {
            // The configuration manager of the host reads the file here, as it is added.
            return configuration.Add<ListReplacingJsonSource>(source =>
            {
                source.Path = path;
                source.Optional = true;
                source.ReloadOnChange = false;
                source.ReplacedLists = replaced;
                source.ResolveFileProvider();
            });
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

    /// <summary>The lists among <paramref name="keys"/>: the parent path of every key whose last segment is an index.</summary>
    public static IReadOnlySet<string> ListsIn(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var cut = key.LastIndexOf(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            if (cut > 0 && int.TryParse(key.AsSpan(cut + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                lists.Add(key[..cut]);
            }
        }

        return lists;
    }

    /// <summary>appsettings.json without the elements of the lists that later settings replace.</summary>
    private sealed class ListReplacingJsonSource : Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
    {
        public IReadOnlySet<string> ReplacedLists { get; set; } = new HashSet<string>();

        public override IConfigurationProvider Build(IConfigurationBuilder builder)
        {
            EnsureDefaults(builder);
            return new Provider(this);
        }

        private sealed class Provider(ListReplacingJsonSource source) : Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider(source)
        {
            public override void Load(Stream stream)
            {
                base.Load(stream);
                foreach (var key in Data.Keys.Where(key => source.ReplacedLists.Any(list => key.StartsWith(list + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase))).ToList())
                {
                    Data.Remove(key);
                }
            }
        }
    }
}
