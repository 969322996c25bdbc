using ChurnWatch.Worker.Configuration;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Npgsql;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// Hangfire's storage for each kind of store. PostgreSQL and SQL Server: Hangfire's tables in the store's database
/// (schema <c>hangfire</c> / <c>HangFire</c>), created at start, with a sliding invisibility timeout, so a job whose
/// node died runs again elsewhere <see cref="ScheduleOptions.InvisibilityTimeout"/> after the node's last sign of
/// life, and a long job is never handed out twice. The embedded SQLite store: Hangfire.InMemory for one node, with
/// run history in the store and a catch-up at start (<see cref="ScheduleRegistrar"/>) for what a crash lost.
/// </summary>
internal static class HangfireStorage
{
    /// <summary>Serialises the schema set-up of nodes starting together.</summary>
    private const long InstallLockKey = 4837201555;

    public static JobStorage Create(StoreOptions store, ScheduleOptions schedule)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(schedule);
        return store.Provider switch
        {
            StoreProvider.PostgreSql => PostgreSql(store.ConnectionString ?? "", schedule),
            StoreProvider.SqlServer => new SqlServerStorage(store.ConnectionString ?? "", new SqlServerStorageOptions
            {
                SlidingInvisibilityTimeout = schedule.InvisibilityTimeout,
                QueuePollInterval = schedule.PollInterval,
                PrepareSchemaIfNecessary = true,
                SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
            }),
            _ => new InMemoryStorage(new InMemoryStorageOptions()),
        };
    }

    /// <summary>A short name for logs and /healthz.</summary>
    public static string Describe(StoreProvider provider) => provider switch
    {
        StoreProvider.PostgreSql => "Hangfire.PostgreSql",
        StoreProvider.SqlServer => "Hangfire.SqlServer",
        _ => "Hangfire.InMemory",
    };

    private static PostgreSqlStorage PostgreSql(string connectionString, ScheduleOptions schedule)
    {
        var options = new PostgreSqlStorageOptions
        {
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = schedule.InvisibilityTimeout,
            QueuePollInterval = schedule.PollInterval,
            PrepareSchemaIfNecessary = true,
            SchemaName = "hangfire",
        };
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({InstallLockKey})", connection))
        {
            take.ExecuteNonQuery();
        }

        try
        {
            // Here, not lazily on first use: `churnwatch dashboard` alone reads the tables before any server made them.
            PostgreSqlObjectsInstaller.Install(connection, options.SchemaName);
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options, null), options);
        }
        finally
        {
            using var give = new NpgsqlCommand($"SELECT pg_advisory_unlock({InstallLockKey})", connection);
            give.ExecuteNonQuery();
        }
    }
}
