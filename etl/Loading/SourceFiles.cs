using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Warehouse.Store;

namespace Warehouse.Etl.Loading;

/// <summary>Registers files in <c>dim_source</c>: one row per file name, updated when the file is loaded again.</summary>
public static class SourceFiles
{
    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Checksum(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>What a load depends on: the file's bytes and the reference data it was read with.</summary>
    public static string Fingerprint(string checksum, Catalog catalog) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(checksum + "|" + catalog.Fingerprint)));

    /// <summary>Whether this file, read with this reference data, is exactly what its last successful load read.</summary>
    public static bool IsUnchanged(DbConnection c, string path, string fingerprint) =>
        c.ExecuteScalar<long>("SELECT count(*) FROM dim_source WHERE source_name = @name AND load_fingerprint = @fingerprint",
            new { name = Path.GetFileName(path), fingerprint }) > 0;

    /// <summary>The source's key, inserting or refreshing its row (with the fingerprint of this load).</summary>
    public static long Upsert(DbConnection c, DbTransaction tx, string path, string kind, string? title, string checksum, string fingerprint) =>
        c.ExecuteScalar<long>("""
            INSERT INTO dim_source (source_name, path, kind, title, checksum, loaded_at, load_fingerprint)
            VALUES (@name, @path, @kind, @title, @checksum, @at, @fingerprint)
            ON CONFLICT (source_name) DO UPDATE SET path = excluded.path, kind = excluded.kind, title = excluded.title,
                checksum = excluded.checksum, loaded_at = excluded.loaded_at, load_fingerprint = excluded.load_fingerprint
            RETURNING source_key
            """, new { name = Path.GetFileName(path), path = Path.GetFullPath(path), kind, title, checksum, at = Clock.Now(), fingerprint }, tx);
}
