using System.Data.Common;
using System.Reflection;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>Applies the numbered <c>migrations/*.sql</c> scripts once each and recreates the <c>views/*.sql</c>.</summary>
public sealed class Migrator(SqlDialect dialect)
{
    private static readonly Assembly Resources = typeof(Migrator).Assembly;

    /// <summary>All migration scripts, in version order: (version, name, sql).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations(string prefix = "migrations/") =>
        Resources.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                return (Version: int.Parse(file[..file.IndexOf('_')]), Name: file[..^4], Sql: ReadResource(n));
            })
            .OrderBy(m => m.Version)
            .ToList();

    /// <summary>All analyst views: (name, sql).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Views() =>
        Resources.GetManifestResourceNames()
            .Where(n => n.StartsWith("views/", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (Name: n["views/".Length..^4], Sql: ReadResource(n)))
            .ToList();

    /// <summary>Brings the schema up to the latest version and marks dead runs <c>interrupted</c>; returns the versions applied now.
    /// When the schema is already current nothing is written, so a second writer is not made to queue behind a load just to
    /// find there is nothing to migrate.</summary>
    public IReadOnlyList<int> Migrate()
    {
        using var connection = dialect.OpenReadWrite();
        var done = IsCurrent(connection) ? [] : Apply(connection);
        BatchLog.MarkInterrupted(connection);
        return done;
    }

    /// <summary>Whether every migration is applied and every view matches its script (a read; takes no write lock).</summary>
    public bool IsCurrent(DbConnection connection)
    {
        if (!dialect.TableExists(connection, "schema_version")) return false;
        var applied = connection.Query<int>("SELECT version FROM schema_version").ToHashSet();
        if (Migrations(dialect.MigrationPrefix).Any(m => !applied.Contains(m.Version))) return false;
        var stored = connection.Query<(string Name, string Sql)>("SELECT name, sql FROM sqlite_master WHERE type = 'view'")
            .ToDictionary(v => v.Name, v => v.Sql);
        return Views().All(v => stored.TryGetValue(v.Name, out var sql) && Statement(v.Sql) == sql.Trim());
    }

    private List<int> Apply(DbConnection connection)
    {
        // Rebuilding a table (SQLite's way to change a CHECK constraint) needs foreign keys off; they are checked before commit.
        // The pragma is a no-op inside a transaction, so it is set around it.
        connection.Execute("PRAGMA foreign_keys = OFF");
        try
        {
            using var tx = connection.BeginTransaction(); // BEGIN IMMEDIATE: waits for another writer instead of racing it
            connection.Execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     INTEGER PRIMARY KEY,
                    name        TEXT NOT NULL,
                    applied_at  TEXT NOT NULL
                )
                """, transaction: tx);
            // Read again under the write lock: another process may have migrated while this one waited.
            var applied = connection.Query<int>("SELECT version FROM schema_version", transaction: tx).ToHashSet();
            var done = new List<int>();
            // Views hold no data; dropping them first keeps a table rebuild from tripping over a view that names it.
            foreach (var view in connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'view'", transaction: tx).ToList())
                connection.Execute($"DROP VIEW IF EXISTS \"{view.Replace("\"", "\"\"")}\"", transaction: tx);
            foreach (var (version, name, sql) in Migrations(dialect.MigrationPrefix))
            {
                if (applied.Contains(version)) continue;
                connection.Execute(sql, transaction: tx);
                connection.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = Clock.Now() }, tx);
                done.Add(version);
            }
            foreach (var (_, sql) in Views()) connection.Execute(sql, transaction: tx);
            var broken = connection.Query("PRAGMA foreign_key_check", transaction: tx).Count();
            if (broken > 0) throw new InvalidOperationException($"migration left {broken} rows with broken foreign keys; rolled back");
            tx.Commit();
            return done;
        }
        finally
        {
            connection.Execute("PRAGMA foreign_keys = ON");
        }
    }

    /// <summary>A view script as SQLite stores it: from CREATE to the end, without leading comments or the closing semicolon.</summary>
    private static string Statement(string script)
    {
        var lines = script.Split('\n').SkipWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Trim().Length == 0);
        return string.Join('\n', lines).Trim().TrimEnd(';').Trim();
    }

    /// <summary>Highest applied schema version, or 0 for an empty database.</summary>
    public static int CurrentVersion(DbConnection connection, SqlDialect dialect) =>
        dialect.TableExists(connection, "schema_version")
            ? connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_version") ?? 0
            : 0;

    private static string ReadResource(string name)
    {
        using var stream = Resources.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
