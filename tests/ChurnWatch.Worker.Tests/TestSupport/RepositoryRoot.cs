namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>The repository's root folder, found from the test binaries by looking for ChurnWatch.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ChurnWatch.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ChurnWatch.sln above {AppContext.BaseDirectory}.");
    }
}
