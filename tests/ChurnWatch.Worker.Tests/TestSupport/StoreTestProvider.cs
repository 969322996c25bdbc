using System.Data.Common;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// One store provider the store tests run against (Dapper's style: an abstract generic test class, a sealed
/// subclass per provider). Each test gets a fresh, empty store of its own.
/// </summary>
public abstract class StoreTestProvider
{
    internal abstract StoreProvider Provider { get; }

    /// <summary>Why this provider's tests cannot run here, or null when they can.</summary>
    public abstract string? SkipReason { get; }

    /// <summary>A fresh, empty store (not migrated), deleted when the returned handle is disposed.</summary>
    internal abstract Task<TestStoreHandle> CreateAsync(TempFolder folder, TimeProvider time);

    /// <summary>Every table.column of the store's tables, lower case, for comparing providers' schemas.</summary>
    internal abstract Task<IReadOnlySet<string>> ColumnsAsync(DbConnection connection);

    /// <summary>A statement adding a nullable text column, in the provider's words.</summary>
    public abstract string AddTextColumn(string table, string column);

    /// <summary>The skip reason of the provider a test class runs against (the type argument of its generic base).</summary>
    public static string? SkipReasonFor(Type testClass)
    {
        for (var type = testClass; type is not null; type = type.BaseType)
        {
            var provider = type.IsGenericType ? type.GetGenericArguments().FirstOrDefault(a => a.IsSubclassOf(typeof(StoreTestProvider))) : null;
            if (provider is not null)
            {
                return ((StoreTestProvider)Activator.CreateInstance(provider)!).SkipReason;
            }
        }

        return null;
    }
}
