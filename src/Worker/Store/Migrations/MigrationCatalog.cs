using System.Globalization;
using System.Reflection;
using ChurnWatch.Worker.Configuration;

namespace ChurnWatch.Worker.Store.Migrations;

/// <summary>
/// The migrations shipped inside the assembly, one folder per provider, files named <c>NNNN_name.sql</c>.
/// Embedding them means a deployed binary always carries the schema it expects.
/// </summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<Migration> For(StoreProvider provider)
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var prefix = $"Migrations/{provider}/";
        var migrations = new List<Migration>();
        // The project gives each script the logical name Migrations/<Provider>/<file>; RecursiveDir may use '\\' on Windows.
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(fileName.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{fileName}' is not named NNNN_name.sql.");
            }

            migrations.Add(new Migration(version, Path.GetFileNameWithoutExtension(fileName[(underscore + 1)..]), Read(assembly, resource)));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No migrations for {provider} are embedded in this build (resources named {prefix}NNNN_name.sql).");
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        // Numbers are reserved per feature while branches are developed in parallel (0003 signals, 0004 scheduler,
        // 0005 finance), so a build may lack a number for a while; the runner applies every missing version in
        // order, whatever was applied before. Two files with one number are always a mistake.
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Migrations for {provider} must have distinct numbers; {migrations[i].Version} is used twice.");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
