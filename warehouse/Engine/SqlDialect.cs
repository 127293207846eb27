using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Warehouse.Store.Engine;

/// <summary>The SQL and connection details that differ between database engines.</summary>
/// <remarks>SQLite is the embedded default; PostgreSQL and SQL Server implement this seam later.</remarks>
public abstract class SqlDialect
{
    /// <summary>Short engine name, as shown by <c>status</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a read-write connection with the engine's session settings applied.</summary>
    public abstract DbConnection OpenReadWrite();

    /// <summary>Opens a connection on which the engine itself refuses every write.</summary>
    public abstract DbConnection OpenReadOnly();

    /// <summary>Folder of migration scripts for this engine, relative to the embedded resources.</summary>
    public virtual string MigrationPrefix => "migrations/";

    /// <summary>Whether a table exists.</summary>
    public abstract bool TableExists(DbConnection connection, string table);

    /// <summary>Asks the engine to abandon the statement running on this connection (called from another thread).</summary>
    public abstract void Interrupt(DbConnection connection, DbCommand command);
}

/// <summary>The embedded default: one SQLite file, WAL journal, foreign keys enforced.</summary>
public sealed class SqliteDialect(string path) : SqlDialect
{
    /// <summary>Path of the database file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>How long a writer waits for another writer's lock before giving up: longer than the longest load
    /// (a million-row file takes well under a minute), so a second ingest or the scheduler queues instead of failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override DbConnection OpenReadWrite()
    {
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
        }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets analysts read while a load is writing; busy_timeout makes a second writer wait for the first to commit.
        pragma.CommandText = $"PRAGMA busy_timeout={(long)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc />
    public override DbConnection OpenReadOnly()
    {
        if (!File.Exists(Path))
            throw new FileNotFoundException($"数据库文件不存在 / database file not found: {Path}. 先运行 init / run `init` first.", Path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA query_only=1; PRAGMA busy_timeout=5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc />
    public override void Interrupt(DbConnection connection, DbCommand command)
    {
        // SqliteCommand.Cancel is a no-op; sqlite3_interrupt stops the running statement at its next step.
        if (connection is SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_interrupt(handle);
    }

    /// <inheritdoc />
    public override bool TableExists(DbConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name = $n";
        var p = cmd.CreateParameter();
        p.ParameterName = "$n";
        p.Value = table;
        cmd.Parameters.Add(p);
        return Convert.ToInt64(cmd.ExecuteScalar()) > 0;
    }
}
