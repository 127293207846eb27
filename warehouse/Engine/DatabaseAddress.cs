using Microsoft.Data.SqlClient;
using Npgsql;

namespace Warehouse.Store.Engine;

/// <summary>Turns a <c>--db</c> / <c>WAREHOUSE_DB</c> value into an engine: a file path is SQLite;
/// <c>postgresql://user:password@host:port/database</c> and <c>sqlserver://user:password@host:port/database</c> map to each
/// driver's connection string (user and password URL-decoded; query options below); a raw connection string needs
/// <c>--engine postgres|sqlserver</c>.</summary>
/// <remarks>Query options: PostgreSQL <c>sslmode</c>, <c>search_path</c>, <c>reader</c>/<c>reader_password</c>; SQL Server
/// <c>encrypt</c> (true/false/strict), <c>trust_server_certificate</c>, <c>reader</c>/<c>reader_password</c>. Any other option
/// is refused, so a typing slip is not silently ignored.</remarks>
public static class DatabaseAddress
{
    /// <summary>The engine for a database address.</summary>
    public static SqlDialect Parse(string db, string? engine = null)
    {
        if (string.IsNullOrWhiteSpace(db)) throw new ArgumentException("--db 为空 / --db is empty");
        engine = engine?.Trim().ToLowerInvariant();
        if (engine is "postgresql" or "pg") engine = "postgres";
        if (engine is "mssql") engine = "sqlserver";
        if (db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(db);
            var options = Query(uri);
            return new PostgresDialect(Postgres(uri))
            {
                Reader = options.LastOrDefault(o => o.Key == "reader").Value is { Length: > 0 } r ? r : null,
                ReaderPassword = options.LastOrDefault(o => o.Key == "reader_password").Value is { Length: > 0 } pw ? pw : null,
            };
        }
        if (db.StartsWith("sqlserver://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("mssql://", StringComparison.OrdinalIgnoreCase))
            return SqlServerDialect.FromUri(new Uri(db));
        return engine switch
        {
            null or "" or "sqlite" => new SqliteDialect(db),
            "postgres" => new PostgresDialect(new NpgsqlConnectionStringBuilder(db)),
            "sqlserver" => new SqlServerDialect(new SqlConnectionStringBuilder(db)),
            _ => throw new ArgumentException($"未知的数据库引擎 / unknown --engine '{engine}': use sqlite, postgres or sqlserver"),
        };
    }

    /// <summary>The Npgsql connection string for a <c>postgresql://</c> address.</summary>
    public static NpgsqlConnectionStringBuilder Postgres(Uri uri)
    {
        var (user, password) = UserInfo(uri);
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Database(uri),
            Username = user,
            Password = password,
        };
        foreach (var (key, value) in Query(uri))
        {
            switch (key)
            {
                case "sslmode": b.SslMode = Enum.Parse<SslMode>(value, ignoreCase: true); break;
                case "search_path": b.SearchPath = value; break;
                case "reader" or "reader_password": break; // read by PostgresDialect
                default: throw new ArgumentException($"postgresql:// 地址中未知的选项 / unknown option '{key}' in the address");
            }
        }
        return b;
    }

    /// <summary>The SqlClient connection string for a <c>sqlserver://</c> address.</summary>
    public static SqlConnectionStringBuilder SqlServer(Uri uri)
    {
        var (user, password) = UserInfo(uri);
        var b = new SqlConnectionStringBuilder
        {
            DataSource = uri.IsDefaultPort || uri.Port < 0 ? uri.Host : $"{uri.Host},{uri.Port}",
            InitialCatalog = Database(uri),
        };
        if (user != null) { b.UserID = user; b.Password = password ?? ""; }
        else b.IntegratedSecurity = true;
        foreach (var (key, value) in Query(uri))
        {
            switch (key)
            {
                case "encrypt":
                    b.Encrypt = value.ToLowerInvariant() switch
                    {
                        "true" or "mandatory" => SqlConnectionEncryptOption.Mandatory,
                        "false" or "optional" => SqlConnectionEncryptOption.Optional,
                        "strict" => SqlConnectionEncryptOption.Strict,
                        _ => throw new ArgumentException($"encrypt={value}: use true, false or strict"),
                    };
                    break;
                case "trust_server_certificate": b.TrustServerCertificate = bool.Parse(value); break;
                case "reader" or "reader_password": break; // read by SqlServerDialect
                default: throw new ArgumentException($"sqlserver:// 地址中未知的选项 / unknown option '{key}' in the address");
            }
        }
        return b;
    }

    /// <summary>The address's query options, keys lower-cased.</summary>
    public static IReadOnlyList<(string Key, string Value)> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(kv => (Uri.UnescapeDataString(kv[0]).ToLowerInvariant(), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""))
            .ToList();

    private static (string? User, string? Password) UserInfo(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo)) return (null, null);
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null);
    }

    private static string Database(Uri uri)
    {
        var db = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (db.Length == 0) throw new ArgumentException($"数据库地址缺少库名 / the address names no database: {Redact(uri)}");
        return db;
    }

    /// <summary>The address without its password, for messages.</summary>
    public static string Redact(Uri uri) =>
        string.IsNullOrEmpty(uri.UserInfo) ? uri.ToString() : uri.ToString().Replace(uri.UserInfo + "@", uri.UserInfo.Split(':')[0] + ":***@");
}
