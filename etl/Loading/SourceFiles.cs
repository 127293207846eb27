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

    /// <summary>The source's key, inserting or refreshing its row.</summary>
    public static long Upsert(DbConnection c, DbTransaction tx, string path, string kind, string? title, string checksum) =>
        c.ExecuteScalar<long>("""
            INSERT INTO dim_source (source_name, path, kind, title, checksum, loaded_at)
            VALUES (@name, @path, @kind, @title, @checksum, @at)
            ON CONFLICT (source_name) DO UPDATE SET path = excluded.path, kind = excluded.kind, title = excluded.title,
                checksum = excluded.checksum, loaded_at = excluded.loaded_at
            RETURNING source_key
            """, new { name = Path.GetFileName(path), path = Path.GetFullPath(path), kind, title, checksum, at = Clock.Now() }, tx);
}
