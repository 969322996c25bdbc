namespace ChurnWatch.Worker.Store;

/// <summary>A column of a bulk insert: its name and how to read its value from a record.</summary>
internal sealed record StoreColumn<T>(string Name, Func<T, object?> Value);
