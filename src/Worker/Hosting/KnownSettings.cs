using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// The settings ChurnWatch reads, taken from its options classes rather than a list kept by hand: every class with a
/// <c>public const string Section</c> is bound from that section (<c>AddOptions&lt;T&gt;().BindConfiguration(T.Section)</c>),
/// and its keys are the properties the configuration binder sets: nested classes (<c>Modeling:Trees:MaxDepth</c>),
/// lists (<c>Modeling:Learners:0</c>) and dictionaries, whose keys are free (<c>Source:Queries:&lt;entity&gt;</c>; the
/// options validate them).
/// </summary>
/// <remarks>
/// A key that none of them takes is refused, not ignored: a typo such as <c>Signals:GoneDarkAfterDayz</c> would
/// otherwise leave the default in force while the user believes it changed. Sections .NET reads itself
/// (<see cref="HostSections"/>) are left alone.
/// </remarks>
internal sealed class KnownSettings
{
    /// <summary>Top-level keys read by .NET itself (the host, logging, the web server), never by ChurnWatch's options.</summary>
    public static readonly IReadOnlyList<string> HostSections =
        [HostDefaults.ApplicationKey, HostDefaults.EnvironmentKey, HostDefaults.ContentRootKey, "Logging", "AllowedHosts", "Kestrel", "Urls", "ConnectionStrings"];

    private readonly Dictionary<string, Type> _sections = new(StringComparer.OrdinalIgnoreCase);

    public KnownSettings(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
            {
                _sections.Add(section, type);
            }
        }
    }

    /// <summary>ChurnWatch's own settings: the options classes of the Worker and Analytics assemblies.</summary>
    public static KnownSettings ChurnWatch { get; } = new([typeof(KnownSettings).Assembly, typeof(Analytics.Signals.SignalOptions).Assembly]);

    /// <summary>Section name to the options class bound from it.</summary>
    public IReadOnlyDictionary<string, Type> Sections => _sections;

    /// <summary>The section an options class is bound from, for messages that name the key.</summary>
    public string SectionOf(Type? optionsType) =>
        _sections.FirstOrDefault(s => s.Value == optionsType).Key ?? optionsType?.Name ?? "(unknown section)";

    /// <summary>Throws a <see cref="SettingsException"/> naming every key ChurnWatch does not know, with the closest known one.</summary>
    public void Check(IConfiguration configuration)
    {
        var problems = Problems(configuration);
        if (problems.Count > 0)
        {
            throw new SettingsException(string.Join(" ", problems));
        }
    }

    /// <summary>One sentence per key ChurnWatch does not know, in the order of the configuration.</summary>
    public IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var section in configuration.GetChildren())
        {
            if (section.Key.StartsWith('$') || HostSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue; // "$schema" and the like are for editors
            }

            if (_sections.TryGetValue(section.Key, out var type))
            {
                Walk(configuration, section, type, problems);
            }
            else
            {
                var closest = Closest(section.Key, _sections.Keys);
                problems.Add($"{section.Path}{Where(configuration, section.Path)} is not a ChurnWatch section" +
                    (closest is null ? $" (they are {string.Join(", ", _sections.Keys.Order(StringComparer.Ordinal))})." : $"; did you mean {closest}?"));
            }
        }

        return problems;
    }

    private static void Walk(IConfiguration root, IConfigurationSection section, Type type, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsValue(type))
        {
            foreach (var child in section.GetChildren())
            {
                problems.Add($"{child.Path}{Where(root, child.Path)} is not a setting: {section.Path} takes a single value.");
            }
        }
        else if (ValueOfDictionary(type) is { } value)
        {
            foreach (var child in section.GetChildren())
            {
                Walk(root, child, value, problems);
            }
        }
        else if (ElementOfList(type) is { } element)
        {
            foreach (var child in section.GetChildren())
            {
                if (int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    Walk(root, child, element, problems);
                }
                else
                {
                    problems.Add($"{child.Path}{Where(root, child.Path)} is not a setting: {section.Path} is a list, its entries are {section.Path}:0, {section.Path}:1 and so on.");
                }
            }
        }
        else
        {
            var keys = Keys(type);
            foreach (var child in section.GetChildren())
            {
                if (keys.TryGetValue(child.Key, out var property))
                {
                    Walk(root, child, property.PropertyType, problems);
                }
                else
                {
                    var closest = Closest(child.Key, keys.Keys);
                    problems.Add($"{child.Path}{Where(root, child.Path)} is not a ChurnWatch setting" +
                        (closest is null ? $" of the {section.Path} section." : $"; did you mean {section.Path}:{closest}?"));
                }
            }
        }
    }

    /// <summary>
    /// Every key ChurnWatch reads, in the order of its options classes' properties, with the property that takes it
    /// and the object that holds it when nothing is configured (its value there is the default): nested classes as
    /// <c>Modeling:Trees:MaxDepth</c>, a dictionary's free key as <c>Source:Queries:&lt;key&gt;</c>, a list as one key.
    /// For the configuration reference (docs/configuration.md) and the test that keeps it in step.
    /// </summary>
    public IEnumerable<(string Key, PropertyInfo Property, object? Holder)> Settings()
    {
        foreach (var (section, type) in _sections)
        {
            foreach (var setting in SettingsOf(section, type, Activator.CreateInstance(type)))
            {
                yield return setting;
            }
        }
    }

    private static IEnumerable<(string Key, PropertyInfo Property, object? Holder)> SettingsOf(string path, Type type, object? holder)
    {
        foreach (var (name, property) in Keys(type))
        {
            var key = $"{path}:{name}";
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var nestedHolder = holder is null ? null : property.GetValue(holder);
            // A dictionary's keys are free: each level is one <key> (CsvDrops:Columns:<key>:<key>).
            while (ValueOfDictionary(valueType) is { } value)
            {
                key += ":<key>";
                valueType = Nullable.GetUnderlyingType(value) ?? value;
                nestedHolder = null;
            }

            if (IsValue(valueType) || (ElementOfList(valueType) is { } element && IsValue(element)))
            {
                yield return (key, property, holder);
                continue;
            }

            // A list of objects: each entry's keys, numbered (Dashboard:Teams:<n>:Name).
            if (ElementOfList(valueType) is { } entry)
            {
                key += ":<n>";
                valueType = entry;
                nestedHolder = null;
            }

            nestedHolder ??= valueType.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(valueType);
            foreach (var nested in SettingsOf(key, valueType, nestedHolder))
            {
                yield return nested;
            }
        }
    }

    // The properties the configuration binder sets: public and settable, or a collection it fills in place.
    private static Dictionary<string, PropertyInfo> Keys(Type type)
    {
        var keys = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var settable = property.SetMethod is { IsPublic: true };
            var filledInPlace = !IsValue(property.PropertyType)
                && (ElementOfList(property.PropertyType) is null || Implements(property.PropertyType, typeof(ICollection<>)) is not null);
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true } && (settable || filledInPlace))
            {
                keys.TryAdd(property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name, property);
            }
        }

        return keys;
    }

    // What the binder reads from one string: the same test it makes (a type converter from string).
    private static bool IsValue(Type type) =>
        type == typeof(string) || type.IsPrimitive || type.IsEnum || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static Type? ValueOfDictionary(Type type) =>
        (Implements(type, typeof(IDictionary<,>)) ?? Implements(type, typeof(IReadOnlyDictionary<,>)))?.GetGenericArguments()[1];

    private static Type? ElementOfList(Type type) => type.IsArray ? type.GetElementType() : Implements(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? Implements(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);

    // Where a key was set, so the user knows which file or variable to correct; nothing for a command's own settings.
    private static string Where(IConfiguration configuration, string path)
    {
        var provider = (configuration as IConfigurationRoot)?.Providers
            .FirstOrDefault(p => p.TryGet(path, out _) || p.GetChildKeys([], path).Any());
        return provider switch
        {
            JsonConfigurationProvider json => $" (in {json.Source.Path})",
            EnvironmentVariablesConfigurationProvider => $" (the environment variable {ChurnWatchHost.EnvironmentPrefix}{path.Replace(":", "__", StringComparison.Ordinal)})",
            _ => string.Empty,
        };
    }

    /// <summary>The known key nearest in spelling, when it is near enough to be the one meant (a few letters apart).</summary>
    private static string? Closest(string key, IEnumerable<string> known)
    {
        var limit = Math.Max(2, key.Length / 4);
        return known
            .Select(k => (Key: k, Distance: Distance(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance)
            .Select(k => k.Key)
            .FirstOrDefault();
    }

    // Levenshtein distance: insertions, deletions and substitutions.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
