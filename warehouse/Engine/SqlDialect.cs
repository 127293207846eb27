using Dapper;
using System.Data.Common;

namespace Warehouse.Store.Engine;

/// <summary>Everything that differs between database engines: connections, error classification, bulk staging and the few
/// statements an engine writes its own way. Callers ask the stores in <c>warehouse/</c> for data; they never see SQL.</summary>
/// <remarks>Statements live in <c>warehouse/sql/&lt;area&gt;/&lt;name&gt;.sql</c> in portable SQL; an engine overrides one by
/// shipping <c>&lt;name&gt;.&lt;engine&gt;.sql</c> beside it (the way dbt's <c>adapter.dispatch</c> picks a macro).</remarks>
public abstract class SqlDialect
{
    static SqlDialect() => Timestamps.Register();

    /// <summary>Short engine name: <c>sqlite</c>, <c>postgres</c> or <c>sqlserver</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Where the data lives, for messages (a file path, or host/database without the password).</summary>
    public abstract string Location { get; }

    /// <summary>Opens a read-write connection with the engine's session settings applied.</summary>
    public abstract DbConnection OpenReadWrite();

    /// <summary>Opens a connection on which the engine itself refuses every write.</summary>
    public abstract DbConnection OpenReadOnly();

    /// <summary>Folder of this engine's migration scripts among the embedded resources.</summary>
    public string MigrationPrefix => $"migrations/{Name}/";

    /// <summary>The text of a named statement (<c>area/name</c>) as this engine runs it.</summary>
    public string Sql(string name) => Statements.Get(name, Name);

    /// <summary>Whether a table or view exists.</summary>
    public bool TableExists(DbConnection connection, string table, DbTransaction? tx = null) =>
        connection.ExecuteScalar<long>(Sql("schema/table_exists"), new { table }, tx) > 0;

    /// <summary>Asks the engine to abandon the statement running on this connection (called from another thread).</summary>
    public virtual void Interrupt(DbConnection connection, DbCommand command) => command.Cancel();

    /// <summary>Whether an error is worth retrying as it is: a busy database, a deadlock, a serialization failure, a dropped
    /// connection. Constraint violations, syntax errors and bad data are not.</summary>
    public abstract bool IsTransient(Exception error);

    /// <summary>A message for the user when the error is this engine's own (cannot connect, locked, read-only ...), else null.</summary>
    /// <returns>Usage = the user's setting is wrong (exit 2); otherwise the run failed (exit 1).</returns>
    public virtual (bool Usage, string Message)? Describe(Exception error) => null;

    /// <summary>The current time as this engine stores a timestamp (text on SQLite, a timestamp type on the servers).</summary>
    public abstract object Now();

    /// <summary>A stage for one statistics file's figures inside <paramref name="tx"/>; the default prepares one insert and runs it
    /// per figure, which suits an embedded engine. Server engines bulk-copy into their staging table instead.</summary>
    /// <remarks>PostgreSQL: <see cref="PostgresStage"/> (binary COPY). SQL Server runs the default with its
    /// <c>observations/stage_*.sqlserver.sql</c> statements until a SqlBulkCopy stage overrides this.</remarks>
    public virtual ObservationStage CreateStage(DbConnection connection, DbTransaction tx) => new PreparedStage(this, connection, tx);

    /// <summary>Splits a script into the batches the engine accepts one at a time (SQL Server's <c>GO</c>); one batch elsewhere.</summary>
    public virtual IEnumerable<string> Batches(string script) => [script];

    /// <summary>Prepares a connection for applying migrations inside <paramref name="tx"/> (locks out other migrators).</summary>
    public virtual void BeginMigration(DbConnection connection, DbTransaction tx) { }

    /// <summary>Checks integrity the migrations may have broken, before commit; throws to roll back.</summary>
    public virtual void EndMigration(DbConnection connection, DbTransaction tx) { }

    /// <summary>Creates or refreshes the SELECT-only role ad-hoc SQL runs as (servers only), inside the migration's
    /// transaction; returns a note for the user when it could not (e.g. the login may not create roles), else null.</summary>
    public virtual string? EnsureReader(DbConnection connection, DbTransaction tx) => null;

    /// <summary>Whether the engine has roles for <see cref="EnsureReader"/> to set up (servers do; a SQLite file does not).</summary>
    public virtual bool HasRoles => false;

    /// <summary>Runs one ad-hoc statement read-only within the limits (the engine itself refuses writes and a second
    /// statement); see <see cref="AdHocQuery"/>.</summary>
    public virtual QueryResult RunAdHoc(string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout) =>
        throw new QueryRefusedException($"ad-hoc SQL is not supported on {Name} yet");

    /// <summary>Takes the lock that keeps runs of one scheduled job apart, or returns null at once when another run holds it.
    /// Servers: a lock owned by a session the returned handle keeps open (<c>jobs/try_lock</c>), released on dispose or when
    /// the connection dies.</summary>
    public virtual IDisposable? TryLockJob(string job)
    {
        var connection = OpenReadWrite();
        var name = "warehouse-job-" + job;
        try
        {
            if (connection.ExecuteScalar<int>(Sql("jobs/try_lock"), new { name }) == 1)
                return new Held(() =>
                {
                    try { connection.Execute(Sql("jobs/unlock"), new { name }); }
                    catch (DbException) { /* the connection broke, and the server released the lock with it */ }
                    finally { connection.Dispose(); }
                });
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        connection.Dispose();
        return null;
    }

    /// <summary>A lock released once, on the first dispose.</summary>
    protected sealed class Held(Action release) : IDisposable
    {
        private int _released;

        /// <summary>Releases the lock.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) release();
        }
    }

    /// <summary>Runs around a whole migration, outside its transaction (SQLite turns foreign keys off for table rebuilds).</summary>
    public virtual IDisposable MigrationSession(DbConnection connection) => NoSession.Instance;

    private sealed class NoSession : IDisposable
    {
        public static readonly NoSession Instance = new();
        public void Dispose() { }
    }

    /// <summary>The engine for a <c>--db</c> value: a file path (SQLite), <c>postgresql://…</c>, <c>sqlserver://…</c>, or a raw
    /// connection string with <paramref name="engine"/> <c>postgres</c> or <c>sqlserver</c>.</summary>
    public static SqlDialect Open(string db, string? engine = null) => DatabaseAddress.Parse(db, engine);
}
