using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Warehouse.Store.Engine;

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
    public override string Location => Path;

    /// <inheritdoc />
    public override object Now() => Clock.Now();

    /// <inheritdoc />
    /// <summary>An exclusive lock on <c>DB.job-NAME.lock</c>: FileShare.None is an OS lock (flock on Linux), so another process
    /// or another handle in this one cannot take it, and it goes with the process that held it.</summary>
    public override IDisposable? TryLockJob(string job)
    {
        try
        {
            var file = new FileStream($"{Path}.job-{job}.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new Held(file.Dispose);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public override bool IsTransient(Exception error) => error is SqliteException { SqliteErrorCode: 5 or 6 }; // BUSY, LOCKED

    /// <inheritdoc />
    public override (bool Usage, string Message)? Describe(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: 14 } => (true, $"无法打开数据库 / cannot open the database (check --db): {error.Message}"),
        SqliteException { SqliteErrorCode: 26 or 11 } =>
            (true, $"不是 SQLite 数据库或已损坏 / --db is not a SQLite warehouse, or it is damaged: {error.Message}"),
        SqliteException { SqliteErrorCode: 5 or 6 } =>
            (false, $"数据库正忙 / the database stayed locked by another writer: {error.Message}; try again"),
        SqliteException { SqliteErrorCode: 8 } => (true, $"数据库只读 / the database file is read-only: {error.Message}"),
        _ => null,
    };

    /// <inheritdoc />
    public override IDisposable MigrationSession(DbConnection connection)
    {
        // Rebuilding a table (SQLite's way to change a CHECK constraint) needs foreign keys off; they are checked before
        // commit (EndMigration). The pragma is a no-op inside a transaction, so it is set around it.
        Exec(connection, null, "PRAGMA foreign_keys = OFF");
        return new Restore(() => Exec(connection, null, "PRAGMA foreign_keys = ON"));
    }

    /// <inheritdoc />
    public override void EndMigration(DbConnection connection, DbTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA foreign_key_check";
        using var reader = cmd.ExecuteReader();
        var broken = 0;
        while (reader.Read()) broken++;
        if (broken > 0) throw new InvalidOperationException($"migration left {broken} rows with broken foreign keys; rolled back");
    }

    private static void Exec(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

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
    public override QueryResult RunAdHoc(string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout) =>
        SqliteAdHoc.Run(this, sql, limits, cancel, timeout);
}
