using System.Reflection;
using System.Text.RegularExpressions;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Access;

/// <summary>Append-only is a promise of the code: nothing in it can change or delete an audit event.</summary>
public sealed partial class AuditTrailAppendOnlyTests
{
    [Fact]
    public void AuditStore_Methods_OnlyRecordAndList()
    {
        var methods = typeof(AuditStore).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.IsPrivate)
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        // Recording on its own connection or inside the transaction of the change it records: both only insert.
        Assert.Equal(["ListAsync", "RecordAsync", "RecordAsync"], methods);
    }

    [Fact]
    public void WorkerSources_NoStatement_UpdatesOrDeletesAuditEvents()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .ToList();

        var offending = sources.Where(f => ChangesAuditEvents().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName);

        Assert.True(sources.Count > 100, "the sources were found");
        Assert.Empty(offending);
    }

    [GeneratedRegex(@"(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|DROP\s+TABLE)\s+audit_events", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesAuditEvents();
}
