using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Warehouse.Store.Engine;

/// <summary>SQL Server (2019 and later) through Microsoft.Data.SqlClient: identity keys, <c>float(53)</c> values,
/// <c>datetimeoffset</c> times, scripts split on <c>GO</c>.</summary>
/// <remarks>Read-only connections (<see cref="OpenReadOnly"/>, used by <c>sql</c>): with a reader login configured
/// (<c>?reader=NAME&amp;reader_password=…</c>) they log in as it; otherwise they log in as the warehouse's login and switch for
/// good to <c>warehouse_reader_user</c> (<c>EXECUTE AS USER … WITH NO REVERT</c>). Either way the session holds only the
/// <c>warehouse_reader</c> role's SELECT on <c>dbo</c>, so the server itself refuses a write. Migrations create the role;
/// a login that may not (not db_owner) gets a note, and reads then run as that login (ad-hoc SQL keeps its parser check).</remarks>
public sealed partial class SqlServerDialect(SqlConnectionStringBuilder connection) : SqlDialect
{
    /// <summary>The connection settings (with password; never print them).</summary>
    public SqlConnectionStringBuilder Connection { get; } = connection;

    /// <summary>The SELECT-only login for ad-hoc SQL (URI option <c>reader</c>), or null to impersonate the reader user.</summary>
    public string? Reader { get; init; }

    /// <summary>The reader login's password (URI option <c>reader_password</c>; never print it).</summary>
    public string? ReaderPassword { get; init; }

    /// <summary>The dialect for a <c>sqlserver://</c> address, with its reader login when the address names one.</summary>
    public static SqlServerDialect FromUri(Uri uri)
    {
        var options = DatabaseAddress.Query(uri);
        string? Option(string key) => options.Where(o => o.Key == key).Select(o => o.Value).LastOrDefault();
        return new SqlServerDialect(DatabaseAddress.SqlServer(uri))
        {
            Reader = Option("reader") is { Length: > 0 } r ? r : null,
            ReaderPassword = Option("reader_password"),
        };
    }

    /// <inheritdoc />
    public override string Name => "sqlserver";

    /// <inheritdoc />
    public override string Location => $"sqlserver://{Connection.DataSource}/{Connection.InitialCatalog}";

    /// <inheritdoc />
    public override DbConnection OpenReadWrite()
    {
        var c = new SqlConnection(Connection.ConnectionString);
        c.Open();
        return c;
    }

    /// <summary>The login-less user a read-only session impersonates when no reader login is configured.</summary>
    public const string ReaderUser = "warehouse_reader_user";

    /// <inheritdoc />
    public override DbConnection OpenReadOnly() => OpenReader(out _);

    /// <summary>Opens a reader's connection; <paramref name="serverEnforced"/> is false only when the warehouse's own login
    /// had to be used unchanged (init could not create <see cref="ReaderUser"/>), so only the caller's checks stop a write.</summary>
    public SqlConnection OpenReader(out bool serverEnforced)
    {
        var b = new SqlConnectionStringBuilder(Connection.ConnectionString) { ApplicationIntent = ApplicationIntent.ReadOnly };
        if (Reader != null)
        {
            b.IntegratedSecurity = false;
            b.UserID = Reader;
            b.Password = ReaderPassword ?? "";
            var reader = new SqlConnection(b.ConnectionString);
            reader.Open();
            serverEnforced = true;
            return reader;
        }
        // A session that cannot REVERT its EXECUTE AS must not go back to the pool (sp_reset_connection could not undo it).
        b.Pooling = false;
        var c = new SqlConnection(b.ConnectionString);
        c.Open();
        try
        {
            serverEnforced = c.ExecuteScalar<string>(Sql("roles/read_only_session")) == ReaderUser;
            return c;
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    /// <summary>Runs one ad-hoc SELECT read-only within the limits (see <see cref="SqlServerAdHoc"/>).</summary>
    public override QueryResult RunAdHoc(string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout) =>
        SqlServerAdHoc.Run(this, sql, limits, cancel, timeout);

    /// <summary>Creates the <c>warehouse_reader</c> role and its login-less user, and maps the configured reader login into the
    /// role (idempotent); returns a note for the user when the login may not (it needs db_owner), else null.</summary>
    /// <remarks>A savepoint keeps a refused CREATE ROLE from taking the caller's transaction with it.</remarks>
    public override string? EnsureReader(DbConnection connection, DbTransaction tx)
    {
        var sqlTx = (SqlTransaction)tx;
        sqlTx.Save("warehouse_reader");
        try
        {
            connection.Execute(Sql("roles/create_reader"), transaction: tx);
            if (Reader != null) connection.Execute(Sql("roles/grant_reader_login"), new { reader = Reader }, tx);
            return null;
        }
        catch (SqlException e) when (e.Errors.Cast<SqlError>().Any(x => PermissionNumbers.Contains(x.Number)))
        {
            sqlTx.Rollback("warehouse_reader");
            return $"未创建只读角色 / could not create role warehouse_reader: this login lacks the right ({e.Message}). Ask a db_owner "
                + "to run init once; until then `sql` checks statements with the T-SQL parser and rolls every one back";
        }
    }

    private static readonly HashSet<int> PermissionNumbers = [229, 230, 262, 297, 300, 15247, 15151, 15517, 916];

    /// <inheritdoc />
    /// <remarks>SqlCommand.Cancel sends the TDS attention signal: the server stops the batch and the command throws.</remarks>
    public override void Interrupt(DbConnection connection, DbCommand command) => command.Cancel();

    /// <inheritdoc />
    public override ObservationStage CreateStage(DbConnection connection, DbTransaction tx) => new SqlServerStage(this, connection, tx);

    /// <inheritdoc />
    public override object Now() => DateTimeOffset.Now;

    /// <inheritdoc />
    public override IEnumerable<string> Batches(string script) =>
        GoLine().Split(script).Where(b => b.Trim().Length > 0);

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();

    /// <summary>Error numbers worth a retry: deadlock victim (1205), lock timeout (1222), client timeout (-2), broken transport
    /// (233, 10053, 10054, 10060, 64), Azure / availability-group failover and throttling (40197, 40501, 40613, 49918-49920,
    /// 4221), snapshot update conflict (3960). Constraint violations (2627, 2601, 547) and syntax errors are not.</summary>
    public static readonly IReadOnlySet<int> TransientNumbers =
        new HashSet<int> { 1205, 1222, -2, 64, 233, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920, 4221, 3960 };

    /// <inheritdoc />
    public override bool IsTransient(Exception error) =>
        error is SqlException s && IsTransientNumbers(s.Errors.Cast<SqlError>().Select(e => e.Number));

    /// <summary>Whether any of a SQL Server error's numbers is transient (the whole error is retried then).</summary>
    public static bool IsTransientNumbers(IEnumerable<int> numbers) => numbers.Any(TransientNumbers.Contains);

    /// <inheritdoc />
    public override (bool Usage, string Message)? Describe(Exception error) =>
        error is SqlException s ? Describe(s.Errors.Cast<SqlError>().Select(e => e.Number).ToList(), s.Message) : null;

    /// <summary>The user's message for SQL Server error numbers (first known number wins), or null for an error of the run.</summary>
    public (bool Usage, string Message)? Describe(IReadOnlyList<int> numbers, string message)
    {
        var where = Location;
        // SqlException joins its errors with line breaks; an error stays one line on standard error.
        message = string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // Connection refused on Linux comes as "a network-related or instance-specific error … TCP Provider, error: 35" with
        // number 35 or 0: nothing listens at that host and port.
        if (message.Contains("network-related", StringComparison.OrdinalIgnoreCase) || message.Contains("TCP Provider", StringComparison.Ordinal))
            return (true, $"找不到服务器 / cannot reach the SQL Server at {Connection.DataSource}: check host, port and that the server "
                + $"runs and accepts TCP connections ({message})");
        foreach (var n in numbers)
        {
            switch (n)
            {
                case 18456 or 18452 or 18486 or 18487 or 18488:
                    return (true, $"登录失败 / login failed for {where}: check the user and password in --db ({message})");
                case 4060 or 911 or 4063:
                    return (true, $"无法打开数据库 / cannot open the database {Connection.InitialCatalog} on {Connection.DataSource}: "
                        + $"it does not exist or the login may not use it ({message})");
                case 53 or 2 or 11001 or 40 or 26 or -1 or 10061 or 258:
                    return (true, $"找不到服务器 / cannot reach the SQL Server at {Connection.DataSource}: check host, port and "
                        + $"that the server accepts TCP connections ({message})");
                case 229 or 230 or 262 or 297 or 300 or 916 or 15247 or 15151 or 15517:
                    return (true, $"权限不足 / permission denied on {where}: the login lacks a right this command needs "
                        + $"(init needs db_owner; reads need warehouse_reader) ({message})");
                case 1205:
                    return (false, $"死锁 / chosen as a deadlock victim on {where}: try again ({message})");
                case 3906:
                    return (true, $"数据库只读 / the database {Connection.InitialCatalog} is read-only ({message})");
            }
        }
        return null;
    }
}
