using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>Applies the engine's numbered <c>migrations/&lt;engine&gt;/*.sql</c> scripts once each and recreates the
/// <c>views/*.sql</c> (an engine's own <c>views/name.&lt;engine&gt;.sql</c> where it must differ) when they changed.</summary>
public sealed class Migrator(SqlDialect dialect)
{
    /// <summary>Set by <see cref="Migrate"/> when the read-only role for ad-hoc SQL could not be set up (printed by init).</summary>
    public string? ReaderNote { get; private set; }

    private static readonly Assembly Resources = typeof(Migrator).Assembly;

    /// <summary>All migration scripts of an engine, in version order: (version, name, sql).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations(string engine = "sqlite") =>
        Resources.GetManifestResourceNames()
            .Where(n => n.StartsWith($"migrations/{engine}/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[$"migrations/{engine}/".Length..];
                return (Version: int.Parse(file[..file.IndexOf('_')]), Name: file[..^4], Sql: ReadResource(n));
            })
            .OrderBy(m => m.Version)
            .ToList();

    /// <summary>All analyst views as an engine creates them: (name, sql).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Views(string engine = "sqlite")
    {
        var all = Resources.GetManifestResourceNames()
            .Where(n => n.StartsWith("views/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n["views/".Length..^4])
            .ToList();
        return all.Where(n => !n.Contains('.'))
            .Order(StringComparer.Ordinal)
            .Select(n => (Name: n, Sql: ReadResource(all.Contains($"{n}.{engine}") ? $"views/{n}.{engine}.sql" : $"views/{n}.sql")))
            .ToList();
    }

    /// <summary>Brings the schema up to the latest version and marks dead runs <c>interrupted</c>; returns the versions applied now.
    /// When the schema is already current nothing is written, so a second writer is not made to queue behind a load just to
    /// find there is nothing to migrate.</summary>
    public IReadOnlyList<int> Migrate()
    {
        using var connection = dialect.OpenReadWrite();
        var done = IsCurrent(connection) ? [] : Apply(connection);
        EnsureReader(connection);
        BatchLog.MarkInterrupted(dialect, connection);
        return done;
    }

    /// <summary>Whether every migration is applied and every view matches its script (a read; takes no write lock).</summary>
    public bool IsCurrent(DbConnection connection)
    {
        if (!dialect.TableExists(connection, "schema_version") || !dialect.TableExists(connection, "schema_view")) return false;
        var applied = connection.Query<int>(dialect.Sql("migrator/applied")).ToHashSet();
        if (Migrations(dialect.Name).Any(m => !applied.Contains(m.Version))) return false;
        var stored = connection.Query<(string Name, string Checksum)>(dialect.Sql("migrator/views")).ToDictionary(v => v.Name, v => v.Checksum);
        var views = Views(dialect.Name);
        return stored.Count == views.Count && views.All(v => stored.TryGetValue(v.Name, out var sum) && sum == Checksum(v.Sql));
    }

    private List<int> Apply(DbConnection connection)
    {
        using var session = dialect.MigrationSession(connection);
        using var tx = connection.BeginTransaction();
        connection.Execute(dialect.Sql("migrator/lock"), transaction: tx);
        dialect.BeginMigration(connection, tx);
        if (!dialect.TableExists(connection, "schema_version", tx)) // checked again under the lock: another node may have migrated
            connection.Execute(dialect.Sql("migrator/create_schema_version"), transaction: tx);
        var hadViewTable = dialect.TableExists(connection, "schema_view", tx);
        if (!hadViewTable) connection.Execute(dialect.Sql("migrator/create_schema_view"), transaction: tx);
        var applied = connection.Query<int>(dialect.Sql("migrator/applied"), transaction: tx).ToHashSet();
        // Views hold no data; dropping them first keeps a table change from tripping over a view that names it.
        var views = Views(dialect.Name);
        var known = connection.Query<(string Name, string Checksum)>(dialect.Sql("migrator/views"), transaction: tx).Select(v => v.Name);
        foreach (var view in views.Select(v => v.Name).Union(known).ToList())
            connection.Execute(dialect.Sql("migrator/drop_view").Replace("{view}", Identifier(view)), transaction: tx);
        var done = new List<int>();
        foreach (var (version, name, sql) in Migrations(dialect.Name))
        {
            if (applied.Contains(version)) continue;
            foreach (var batch in dialect.Batches(sql))
                if (HasStatement(batch)) connection.Execute(batch, transaction: tx);
            connection.Execute(dialect.Sql("migrator/record"), new { version, name, at = dialect.Now() }, tx);
            done.Add(version);
        }
        connection.Execute(dialect.Sql("migrator/forget_views"), transaction: tx);
        foreach (var (name, sql) in views)
        {
            foreach (var batch in dialect.Batches(sql))
                if (HasStatement(batch)) connection.Execute(batch, transaction: tx);
            connection.Execute(dialect.Sql("migrator/record_view"), new { name, checksum = Checksum(sql) }, tx);
        }
        dialect.EndMigration(connection, tx);
        tx.Commit();
        return done;
    }

    // Every run, not only after a migration: a role an administrator created since the last init gets its grants now.
    // Under the migration lock, so two nodes do not race on CREATE ROLE or GRANT. Nothing to do on SQLite.
    private void EnsureReader(DbConnection connection)
    {
        if (!dialect.HasRoles) return;
        using var tx = connection.BeginTransaction();
        connection.Execute(dialect.Sql("migrator/lock"), transaction: tx);
        ReaderNote = dialect.EnsureReader(connection, tx);
        tx.Commit();
    }

    /// <summary>Throws when the database holds no warehouse (never initialised, or another application's tables), so a reading
    /// command says "run init" instead of failing on the first missing table.</summary>
    public static void RequireWarehouse(SqlDialect dialect)
    {
        using var c = dialect.OpenReadOnly();
        if (CurrentVersion(c, dialect) == 0)
            throw new WarehouseMissingException($"这里还没有数据仓库 / {dialect.Location} holds no warehouse (no schema_version): "
                + "run `init` (or `run`) with this --db first");
    }

    /// <summary>Highest applied schema version, or 0 for an empty database.</summary>
    public static int CurrentVersion(DbConnection connection, SqlDialect dialect) =>
        dialect.TableExists(connection, "schema_version")
            ? connection.ExecuteScalar<int?>(dialect.Sql("migrator/current_version")) ?? 0
            : 0;

    /// <summary>Whether a script holds anything but comments and blank lines (an engine may have nothing to do for a version).</summary>
    private static bool HasStatement(string script) =>
        script.Split('\n').Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal));

    private static string Identifier(string name) =>
        name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') ? name : throw new InvalidOperationException($"bad view name {name}");

    private static string Checksum(string sql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n"))));

    private static string ReadResource(string name)
    {
        using var stream = Resources.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>The database named by --db holds no warehouse: the user's setting or a missing <c>init</c> (exit code 2).</summary>
public sealed class WarehouseMissingException(string message) : ArgumentException(message);
