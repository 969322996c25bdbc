namespace ChurnWatch.Worker.Configuration;

/// <summary>Where the company's own data comes from.</summary>
internal enum SourceProvider
{
    /// <summary>A SQLite database in the source contract (the generated sample company by default).</summary>
    Sqlite,
}
