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

    /// <summary>Brings the schema up to the latest version; returns the versions applied now.</summary>
    public IReadOnlyList<int> Migrate()
    {
        using var connection = dialect.OpenReadWrite();
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                name        TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            )
            """);
        var applied = connection.Query<int>("SELECT version FROM schema_version").ToHashSet();
        var done = new List<int>();
        dialect.SuspendForeignKeys(connection);
        using var tx = connection.BeginTransaction();
        foreach (var (version, name, sql) in Migrations(dialect.MigrationPrefix))
        {
            if (applied.Contains(version)) continue;
            connection.Execute(sql, transaction: tx);
            connection.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = Clock.Now() }, tx);
            done.Add(version);
        }
        dialect.CheckForeignKeys(connection, tx);
        // Views hold no data: recreating them each time keeps them in step with the scripts.
        foreach (var (view, sql) in Views())
        {
            connection.Execute($"DROP VIEW IF EXISTS {view}", transaction: tx);
            connection.Execute(sql, transaction: tx);
        }
        tx.Commit();
        return done;
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
