namespace ChurnWatch.Worker.Configuration;

/// <summary>Where ChurnWatch keeps its own store.</summary>
internal enum StoreProvider
{
    /// <summary>A SQLite file in <see cref="StoreOptions.DataFolder"/> (the embedded default).</summary>
    Sqlite,
}
