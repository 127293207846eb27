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
            var uri = ToUri(db);
            var options = Query(uri);
            return new PostgresDialect(Postgres(uri))
            {
                Reader = options.LastOrDefault(o => o.Key == "reader").Value is { Length: > 0 } r ? r : null,
                ReaderPassword = options.LastOrDefault(o => o.Key == "reader_password").Value is { Length: > 0 } pw ? pw : null,
            };
        }
        if (db.StartsWith("sqlserver://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("mssql://", StringComparison.OrdinalIgnoreCase))
            return SqlServerDialect.FromUri(ToUri(db));
        // Neither form may be echoed back: both may hold a password.
        if (System.Text.RegularExpressions.Regex.Match(db, @"^([A-Za-z][A-Za-z0-9+.-]*)://") is { Success: true } scheme)
            throw new ArgumentException($"--db 的地址类型未知 / unknown address scheme '{scheme.Groups[1].Value}://': "
                + "use postgresql://user:password@host:port/database, sqlserver://…, or a file path for SQLite");
        if (engine is null or "" or "sqlite" && db.Contains('=') && db.Contains(';'))
            throw new ArgumentException("--db 像是连接字符串 / --db looks like a driver connection string: "
                + "add --engine postgres or --engine sqlserver (or use a postgresql:// or sqlserver:// address)");
        return engine switch
        {
            null or "" or "sqlite" => new SqliteDialect(db),
            "postgres" => new PostgresDialect(new NpgsqlConnectionStringBuilder(db)),
            "sqlserver" => new SqlServerDialect(new SqlConnectionStringBuilder(db)),
            _ => throw new ArgumentException($"未知的数据库引擎 / unknown --engine '{engine}': use sqlite, postgres or sqlserver"),
        };
    }

    /// <summary>Reads an address as a URI; a character that must be escaped says how, without echoing the address (its password).</summary>
    private static Uri ToUri(string db)
    {
        try
        {
            return new Uri(db);
        }
        catch (UriFormatException)
        {
            throw new ArgumentException("无法解析 --db 地址 / cannot read the --db address: write user:password@host:port/database, with "
                + "@ : / % # ? in the user or password escaped as %40 %3A %2F %25 %23 %3F, and a numeric port");
        }
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
                case "sslmode":
                    b.SslMode = Enum.TryParse<SslMode>(value.Replace("-", ""), ignoreCase: true, out var mode) && Enum.IsDefined(mode)
                        ? mode
                        : throw new ArgumentException($"sslmode={value}: use disable, allow, prefer, require, verify-ca or verify-full");
                    break;
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
