using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Reports;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// The output files the dashboard may serve: HTML and CSV files listed from Output:Folder and its direct sub-folders
/// (the weekly reports live in <c>reports/</c>). A request names a file by its listed relative path and is served
/// only when that exact path is in the list, so no path (../, absolute, encoded) can reach anything else.
/// </summary>
internal sealed class ReportFiles(IOptions<OutputOptions> output)
{
    private static readonly string[] Extensions = [".html", ".csv"];

    /// <summary>Listed files by relative path (forward slashes), with their full path, size and time of writing.</summary>
    public IReadOnlyDictionary<string, FileInfo> List()
    {
        var root = new DirectoryInfo(Path.GetFullPath(output.Value.Folder));
        var files = new SortedDictionary<string, FileInfo>(StringComparer.Ordinal);
        if (!root.Exists)
        {
            return files;
        }

        foreach (var folder in new[] { root }.Concat(root.EnumerateDirectories()))
        {
            foreach (var file in folder.EnumerateFiles().Where(f => Extensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase)))
            {
                // Symbolic links could point outside the folder; they are not listed.
                if (file.LinkTarget is not null || folder.LinkTarget is not null)
                {
                    continue;
                }

                files[Path.GetRelativePath(root.FullName, file.FullName).Replace('\\', '/')] = file;
            }
        }

        return files;
    }

    /// <summary>
    /// The listed files <paramref name="visitor"/> may open: all for those who see the company; else only the weekly
    /// reports (page and CSV) of the owners whose accounts they see, found by the name each report is written under.
    /// The index, which names every manager, and the company-wide files are not theirs.
    /// </summary>
    public IReadOnlyDictionary<string, FileInfo> ListFor(DashboardVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        var all = List();
        if (visitor.SeesCompany)
        {
            return all;
        }

        var theirs = (visitor.Owners ?? new HashSet<string>())
            .SelectMany(o => new[] { ReportFileName.ForOwner(o), ReportFileName.CsvForOwner(o) })
            .Select(name => "reports/" + name)
            .ToHashSet(StringComparer.Ordinal);
        var shown = new SortedDictionary<string, FileInfo>(StringComparer.Ordinal);
        foreach (var (path, file) in all.Where(f => visitor.MayUse && theirs.Contains(f.Key)))
        {
            shown[path] = file;
        }

        return shown;
    }

    /// <summary>The folder, for the page to say where the files come from.</summary>
    public string Folder => Path.GetFullPath(output.Value.Folder);
}
