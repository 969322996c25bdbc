using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A real SQLite store in a temp folder.</summary>
internal static class TestStore
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    public static StoreDatabase Create(TempFolder folder, TimeProvider? time = null) =>
        new(Options.Create(new StoreOptions { DataFolder = folder.Path }), time ?? new FixedTimeProvider(Now));
}
