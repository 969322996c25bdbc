using System.Globalization;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Simulation;
using ChurnWatch.Worker.Ingestion;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ChurnWatch.Worker.Samples;

/// <summary>
/// Writes a <see cref="SampleCompany"/> as a source: one SQLite file, one CSV file per table in a folder, or the
/// tables of a PostgreSQL database. Files go to a temporary path renamed at the end, and PostgreSQL tables are
/// written in one transaction, so a failure never leaves a half-written source behind.
/// </summary>
/// <param name="accountWritten">
/// Called with the number of accounts whose usage has been written so far (usage is the bulk of the work).
/// </param>
internal sealed class SampleCompanyWriter(Action<int>? accountWritten = null)
{
    /// <summary>A source without tickets, invoices and payment attempts has no such tables (the entities are not provided).</summary>
    private const string DropSupportAndBilling = "DROP TABLE payment_attempts; DROP TABLE invoices; DROP TABLE tickets;";

    /// <summary>The index statements for the tables the company's source has.</summary>
    private static string Indexes(SampleCompany company, string statements) => company.ProvidesSupportAndBilling
        ? statements
        : string.Join('\n', statements.Split('\n').Where(line => !line.Contains(" ON tickets ", StringComparison.Ordinal)
            && !line.Contains(" ON invoices ", StringComparison.Ordinal) && !line.Contains(" ON payment_attempts ", StringComparison.Ordinal)));

    /// <summary>Writes a SQLite database with the source-contract tables and their indexes to <paramref name="path"/>.</summary>
    public SampleWriteSummary WriteSqlite(SampleCompany company, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temp = fullPath + ".partial";
        File.Delete(temp);
        try
        {
            var rows = new List<KeyValuePair<string, long>>();
            var builder = new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false };
            using (var connection = new SqliteConnection(builder.ConnectionString))
            {
                connection.Open();

                // A file being generated needs no journal: on failure it is deleted, not recovered.
                Execute(connection, null, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;");
                Execute(connection, null, SourceContract.SqliteSchema);
                using var transaction = connection.BeginTransaction();
                rows.Add(Insert(connection, transaction, SourceContract.Accounts, company.Accounts, cancellationToken));
                rows.Add(Insert(connection, transaction, SourceContract.Subscriptions, company.Subscriptions, cancellationToken));
                if (company.ProvidesSupportAndBilling)
                {
                    rows.Add(Insert(connection, transaction, SourceContract.Tickets, company.Tickets, cancellationToken));
                    rows.Add(Insert(connection, transaction, SourceContract.Invoices, company.Invoices, cancellationToken));
                    rows.Add(Insert(connection, transaction, SourceContract.PaymentAttempts, company.PaymentAttempts, cancellationToken));
                }
                else
                {
                    Execute(connection, transaction, DropSupportAndBilling);
                }
                rows.Add(Insert(connection, transaction, SourceContract.UsageEvents, TrackAccounts(company.UsageEvents), cancellationToken));
                Execute(connection, transaction, Indexes(company, SourceContract.SqliteIndexes));
                transaction.Commit();
            }

            File.Move(temp, fullPath, overwrite: true);
            return new SampleWriteSummary(rows);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes one CSV file per table (<c>accounts.csv</c>, <c>usage_events.csv</c>, ...) into <paramref name="directory"/>.</summary>
    public SampleWriteSummary WriteCsv(SampleCompany company, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var target = Path.GetFullPath(directory);
        var temp = target.TrimEnd(Path.DirectorySeparatorChar) + ".partial";
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }

        Directory.CreateDirectory(temp);
        try
        {
            var rows = new List<KeyValuePair<string, long>>
            {
                WriteCsvFile(temp, SourceContract.Accounts, company.Accounts, cancellationToken),
                WriteCsvFile(temp, SourceContract.Subscriptions, company.Subscriptions, cancellationToken),
                WriteCsvFile(temp, SourceContract.UsageEvents, TrackAccounts(company.UsageEvents), cancellationToken),
            };
            if (company.ProvidesSupportAndBilling)
            {
                rows.Insert(2, WriteCsvFile(temp, SourceContract.Tickets, company.Tickets, cancellationToken));
                rows.Insert(3, WriteCsvFile(temp, SourceContract.Invoices, company.Invoices, cancellationToken));
                rows.Insert(4, WriteCsvFile(temp, SourceContract.PaymentAttempts, company.PaymentAttempts, cancellationToken));
            }

            // Every file is complete before any replaces the previous sample.
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(temp))
            {
                File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }

            Directory.Delete(temp, recursive: true);
            return new SampleWriteSummary(rows);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Writes the source-contract tables in PostgreSQL types into the database <paramref name="connectionString"/>
    /// names (which must exist): tables created, loaded with binary COPY and indexed in one transaction, replacing
    /// any previous contract tables there, then analysed. A failure rolls everything back.
    /// </summary>
    public SampleWriteSummary WritePostgreSql(SampleCompany company, string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var rows = new List<KeyValuePair<string, long>>();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        connection.Open();
        using (var transaction = connection.BeginTransaction())
        {
            Execute(connection, $"DROP TABLE IF EXISTS {string.Join(", ", SourceContract.TableNames)}");
            Execute(connection, SourceContract.PostgreSqlSchema);
            rows.Add(Copy(connection, SourceContract.Accounts, company.Accounts, cancellationToken));
            rows.Add(Copy(connection, SourceContract.Subscriptions, company.Subscriptions, cancellationToken));
            if (company.ProvidesSupportAndBilling)
            {
                rows.Add(Copy(connection, SourceContract.Tickets, company.Tickets, cancellationToken));
                rows.Add(Copy(connection, SourceContract.Invoices, company.Invoices, cancellationToken));
                rows.Add(Copy(connection, SourceContract.PaymentAttempts, company.PaymentAttempts, cancellationToken));
            }
            else
            {
                Execute(connection, DropSupportAndBilling);
            }
            rows.Add(Copy(connection, SourceContract.UsageEvents, TrackAccounts(company.UsageEvents), cancellationToken));
            Execute(connection, Indexes(company, SourceContract.PostgreSqlIndexes));
            transaction.Commit();
        }

        // Fresh statistics, so the planner aggregates tens of millions of events with the right plan from the first query.
        Execute(connection, "ANALYZE " + string.Join(", ", SourceContract.TableNames));
        return new SampleWriteSummary(rows);
    }

    private static KeyValuePair<string, long> Copy<T>(NpgsqlConnection connection, SourceTable<T> table, IEnumerable<T> records, CancellationToken cancellationToken)
    {
        // Binary COPY must send each column in its exact type: take the types from the table just created.
        var types = ColumnTypes(connection, table);
        long count = 0;
        using (var importer = connection.BeginBinaryImport($"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var record in records)
            {
                var values = table.Row(record);
                importer.StartRow();
                for (var i = 0; i < values.Length; i++)
                {
                    WriteValue(importer, values[i], types[i], table.Name, table.Columns[i]);
                }

                if (++count % 50_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            importer.Complete();
        }

        return new(table.Name, count);
    }

    private static NpgsqlDbType[] ColumnTypes<T>(NpgsqlConnection connection, SourceTable<T> table)
    {
        using var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table", connection);
        command.Parameters.AddWithValue("table", table.Name);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                byName[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return [.. table.Columns.Select(c => byName.GetValueOrDefault(c) switch
        {
            "text" => NpgsqlDbType.Text,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "date" => NpgsqlDbType.Date,
            "boolean" => NpgsqlDbType.Boolean,
            "numeric" => NpgsqlDbType.Numeric,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            var other => throw new InvalidOperationException($"{table.Name}.{c}: no binary COPY mapping for PostgreSQL type '{other ?? "(missing column)"}'."),
        })];
    }

    private static void WriteValue(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type, string table, string column)
    {
        switch (value, type)
        {
            case (null, _):
                importer.WriteNull();
                break;
            case (string s, NpgsqlDbType.Text):
                importer.Write(s, type);
                break;
            case (DateTime t, NpgsqlDbType.TimestampTz):
                // Contract timestamps are UTC; Npgsql writes timestamptz only from a UTC DateTime.
                importer.Write(t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc), type);
                break;
            case (DateOnly d, NpgsqlDbType.Date):
                importer.Write(d, type);
                break;
            case (bool b, NpgsqlDbType.Boolean):
                importer.Write(b, type);
                break;
            case (decimal d, NpgsqlDbType.Numeric):
                importer.Write(d, type);
                break;
            case (long l, NpgsqlDbType.Integer):
                importer.Write(checked((int)l), type);
                break;
            case (long l, NpgsqlDbType.Bigint):
                importer.Write(l, type);
                break;
            default:
                throw new InvalidOperationException($"{table}.{column}: cannot write a {value.GetType().Name} to a {type} column.");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static KeyValuePair<string, long> Insert<T>(
        SqliteConnection connection, SqliteTransaction transaction, SourceTable<T> table, IEnumerable<T> records, CancellationToken cancellationToken)
    {
        // One prepared command per table, its parameters rebound for each row.
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.InsertSql;
        var parameters = table.Columns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var record in records)
        {
            var values = table.Row(record);
            for (var i = 0; i < values.Length; i++)
            {
                var (type, value) = values[i] switch
                {
                    null => (SqliteType.Text, (object)DBNull.Value),
                    string s => (SqliteType.Text, s),
                    long l => (SqliteType.Integer, l),
                    bool b => (SqliteType.Integer, b ? 1L : 0L),
                    decimal d => (SqliteType.Real, (object)(double)d),
                    DateTime t => (SqliteType.Text, SourceContract.Timestamp(t)),
                    DateOnly d => (SqliteType.Text, SourceContract.Date(d)),
                    var other => throw new InvalidOperationException($"Unexpected value type {other.GetType()} in {table.Name}."),
                };
                parameters[i].SqliteType = type;
                parameters[i].Value = value;
            }

            command.ExecuteNonQuery();
            if (++count % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new(table.Name, count);
    }

    private static KeyValuePair<string, long> WriteCsvFile<T>(
        string directory, SourceTable<T> table, IEnumerable<T> records, CancellationToken cancellationToken)
    {
        using var stream = new StreamWriter(Path.Combine(directory, table.Name + ".csv"), append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        using var csv = CsvWriter.Create(stream, null, leaveOpen: true);
        csv.WriteHeader([.. table.Columns]);
        long count = 0;
        foreach (var record in records)
        {
            foreach (var value in table.Row(record))
            {
                csv.WriteField(value switch
                {
                    null => null,
                    string s => s,
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    decimal d => d.ToString(CultureInfo.InvariantCulture),
                    DateTime t => SourceContract.Timestamp(t),
                    DateOnly d => SourceContract.Date(d),
                    var other => throw new InvalidOperationException($"Unexpected value type {other.GetType()} in {table.Name}."),
                });
            }

            csv.EndRecord();
            if (++count % 50_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        csv.Flush();
        cancellationToken.ThrowIfCancellationRequested();
        return new(table.Name, count);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private IEnumerable<UsageEvent> TrackAccounts(IEnumerable<UsageEvent> events)
    {
        string? current = null;
        var done = 0;
        foreach (var usage in events)
        {
            if (!string.Equals(usage.AccountId, current, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    accountWritten?.Invoke(++done);
                }

                current = usage.AccountId;
            }

            yield return usage;
        }

        if (current is not null)
        {
            accountWritten?.Invoke(++done);
        }
    }
}
