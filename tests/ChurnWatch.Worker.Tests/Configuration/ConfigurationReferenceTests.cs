using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Configuration;

/// <summary>
/// docs/configuration.md against the options classes: one row per key ChurnWatch reads, with the default a fresh
/// options object holds and the range its [Range] attribute allows, so the reference cannot drift from the code.
/// With CHURNWATCH_WRITE_CONFIGURATION_DOC=1 the test rewrites the tables instead (keeping each key's meaning, and
/// taking a new key's from its doc comment), for a change to review in the diff.
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    private const string Marker = "<!-- The tables below are generated and checked by ConfigurationReferenceTests. -->";

    private static string DocPath => Path.Combine(RepositoryRoot.Path, "docs", "configuration.md");

    [Fact]
    public void Reference_EveryKeyWithItsDefaultAndRange_AsTheOptionsClassesHaveThem()
    {
        var expected = Expected();
        if (Environment.GetEnvironmentVariable("CHURNWATCH_WRITE_CONFIGURATION_DOC") == "1")
        {
            Write(expected);
        }

        var documented = Rows(File.ReadAllText(DocPath)).ToDictionary(r => r.Key, StringComparer.Ordinal);

        Assert.Empty(expected.Select(e => e.Key).Except(documented.Keys).Select(k => $"{k} is not in docs/configuration.md"));
        Assert.Empty(documented.Keys.Except(expected.Select(e => e.Key)).Select(k => $"{k} is documented but no options class reads it"));
        Assert.Empty(expected.Where(e => documented[e.Key].Default != e.Default || documented[e.Key].Range != e.Range)
            .Select(e => $"{e.Key}: the code says default '{e.Default}', range '{e.Range}'; the reference says '{documented[e.Key].Default}', '{documented[e.Key].Range}'"));
        Assert.Empty(documented.Values.Where(r => r.Meaning.Length == 0).Select(r => $"{r.Key} has no meaning written"));
    }

    private static List<Row> Expected() =>
        [.. KnownSettings.ChurnWatch.Settings().Select(s => new Row(s.Key, Format(s.Holder is null ? null : s.Property.GetValue(s.Holder)), Range(s.Property), Summary(s.Property)))];

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => dictionary.Count == 0 ? "" : string.Join(", ", dictionary.Keys.Cast<object>().Select(Format)),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };

    private static string Range(PropertyInfo property) =>
        property.GetCustomAttribute<RangeAttribute>() is { } range
            ? string.Create(CultureInfo.InvariantCulture, $"{range.Minimum} to {range.Maximum}")
            : "";

    /// <summary>A table row: `Key` | `default` | range | meaning.</summary>
    private static IEnumerable<Row> Rows(string doc)
    {
        foreach (Match row in TableRow().Matches(doc))
        {
            yield return new Row(row.Groups["key"].Value, Unquote(row.Groups["default"].Value), row.Groups["range"].Value.Trim(), row.Groups["meaning"].Value.Trim());
        }
    }

    private static string Unquote(string cell)
    {
        cell = cell.Trim();
        return cell == "(empty)" ? "" : cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1].Replace("\\|", "|", StringComparison.Ordinal) : cell;
    }

    private static void Write(List<Row> expected)
    {
        var text = File.ReadAllText(DocPath);
        var meanings = Rows(text).ToDictionary(r => r.Key, r => r.Meaning, StringComparer.Ordinal);
        var doc = new StringBuilder(text[..(text.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)]).Append('\n');
        // In the order data flows: where it comes from, how it is modelled, what comes out, when, and how it is served.
        string[] order = ["Store", "Source", "CsvDrops", "Ingest", "Sample", "Modeling", "Signals", "Output", "NextSteps", "Metrics", "Schedule", "Email", "Health", "Dashboard"];
        foreach (var section in expected.GroupBy(e => e.Key[..e.Key.IndexOf(':', StringComparison.Ordinal)])
            .OrderBy(g => Array.IndexOf(order, g.Key) is var i && i >= 0 ? i : order.Length).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            doc.Append(CultureInfo.InvariantCulture, $"\n## {section.Key}\n\n| key | default | range | meaning |\n|---|---|---|---|\n");
            foreach (var row in section)
            {
                var meaning = meanings.TryGetValue(row.Key, out var kept) && kept.Length > 0 ? kept : row.Meaning;
                var shown = row.Default.Length == 0 ? "(empty)" : $"`{row.Default.Replace("|", "\\|", StringComparison.Ordinal)}`";
                doc.Append(CultureInfo.InvariantCulture, $"| `{row.Key}` | {shown} | {row.Range} | {meaning} |\n");
            }
        }

        File.WriteAllText(DocPath, doc.ToString());
    }

    /// <summary>The property's doc comment as one line of text, from its source file (for a new key's first meaning).</summary>
    private static string Summary(PropertyInfo property)
    {
        var type = property.DeclaringType!;
        var file = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), type.Name + ".cs", SearchOption.AllDirectories).FirstOrDefault();
        if (file is null)
        {
            return "";
        }

        var match = Regex.Match(File.ReadAllText(file), @"((?:[ \t]*///.*\n)+)(?:[ \t]*\[.*\]\s*\n)*[ \t]*public [^\n]*\b" + property.Name + @" \{");
        if (!match.Success)
        {
            return "";
        }

        var comment = string.Join(' ', match.Groups[1].Value.Split('\n').Select(l => l.Trim().TrimStart('/').Trim()));
        comment = Regex.Replace(comment, @"<see cref=""(?:[A-Za-z]+\.)*([^""]+)""\s*/>", "$1");
        comment = Regex.Replace(comment, "<c>(.*?)</c>", "`$1`");
        comment = Regex.Replace(comment, "<[^>]+>", "");
        return Regex.Replace(comment, @"\s+", " ").Trim().Replace("|", "\\|", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| `(?<key>[A-Za-z0-9<>:]+)` \|(?<default>(?:[^|\\]|\\.)*)\|(?<range>[^|]*)\|(?<meaning>.*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    private sealed record Row(string Key, string Default, string Range, string Meaning);
}
