using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>Rows of <c>dim_source</c>: one per file name, refreshed each time the file is loaded.</summary>
public static class SourceStore
{
    /// <summary>Whether the file named <paramref name="name"/> was last loaded with exactly this fingerprint.</summary>
    public static bool IsUnchanged(SqlDialect dialect, DbConnection c, string name, string fingerprint) =>
        c.ExecuteScalar<long>(dialect.Sql("sources/unchanged"), new { name, fingerprint }) > 0;

    /// <summary>The rejected rows of the last successful load of the file named <paramref name="name"/>.</summary>
    public static int StandingRejects(SqlDialect dialect, DbConnection c, string name) =>
        c.ExecuteScalar<int>(dialect.Sql("sources/standing_rejects"), new { name });

    /// <summary>The source's key, inserting or refreshing its row (with the fingerprint of this load).</summary>
    public static long Upsert(SqlDialect dialect, DbConnection c, DbTransaction tx, string name, string path, string kind, string? title,
        string checksum, string fingerprint) =>
        c.ExecuteScalar<long>(dialect.Sql("sources/upsert"),
            new { name, path, kind, title, checksum, at = dialect.Now(), fingerprint }, tx);
}
