using System.Security.Cryptography;
using Warehouse.Store;

namespace Warehouse.Etl.Loading;

/// <summary>What identifies a file's load: its bytes and the reference data it was read with (rows of <c>dim_source</c> are
/// written by <see cref="SourceStore"/>).</summary>
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
}
