namespace ChurnWatch.Worker.Store;

/// <summary>How one run's rows of an entity meet the rows already stored.</summary>
internal enum WriteMode
{
    /// <summary>The rows are the whole entity: everything stored before is replaced (a full read).</summary>
    Replace,

    /// <summary>The rows are what changed: each replaces the stored row with the same key, others stay (an incremental read).</summary>
    Upsert,
}
