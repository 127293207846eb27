using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using Npgsql;

namespace Warehouse.Store.Engine;

/// <summary>PostgreSQL through Npgsql: identity keys, <c>double precision</c> values, <c>timestamptz</c> times.</summary>
public sealed class PostgresDialect(NpgsqlConnectionStringBuilder connection) : SqlDialect
{
    /// <summary>The role <c>init</c> creates for ad-hoc SQL: SELECT on the warehouse's tables and views, nothing else.</summary>
    public const string ReaderRole = "warehouse_reader";

    /// <summary>The connection settings (with password; never print them).</summary>
    public NpgsqlConnectionStringBuilder Connection { get; } = connection;

    /// <summary>The login <c>sql</c> connects as (address option <c>reader</c>); null = the owner's login with
    /// <c>SET ROLE warehouse_reader</c>.</summary>
    public string? Reader { get; init; }

    /// <summary>The reader login's password (address option <c>reader_password</c>); also makes <c>init</c> give
    /// <c>warehouse_reader</c> LOGIN with this password.</summary>
    public string? ReaderPassword { get; init; }

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override string Location => $"postgresql://{Connection.Host}:{Connection.Port}/{Connection.Database}";

    /// <inheritdoc />
    public override DbConnection OpenReadWrite()
    {
        var c = new NpgsqlConnection(Connection.ConnectionString);
        c.Open();
        return c;
    }

    /// <summary>The login <c>sql</c> uses when one is configured: <c>reader</c> (or <c>warehouse_reader</c> when only a
    /// reader password is given).</summary>
    public string? ReaderLogin => Reader ?? (ReaderPassword != null ? ReaderRole : null);

    /// <inheritdoc />
    /// <remarks>As the configured reader login when there is one; otherwise the owner's login. Either way every transaction
    /// starts read-only (<c>default_transaction_read_only</c>), so the server refuses writes.</remarks>
    public override DbConnection OpenReadOnly()
    {
        var b = new NpgsqlConnectionStringBuilder(Connection.ConnectionString);
        b.Options = $"{b.Options} -c default_transaction_read_only=on".Trim(); // keeps options of a raw connection string
        if (ReaderLogin is { } login)
        {
            b.Username = login;
            b.Password = ReaderPassword;
        }
        var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        return c;
    }

    /// <inheritdoc />
    public override object Now() => DateTimeOffset.UtcNow; // Npgsql writes timestamptz only from UTC values

    /// <inheritdoc />
    public override ObservationStage CreateStage(DbConnection connection, DbTransaction tx) => new PostgresStage(this, connection, tx);

    /// <inheritdoc />
    /// <remarks>Npgsql's Cancel sends PostgreSQL's cancel request on a separate connection; the statement ends with 57014.</remarks>
    public override void Interrupt(DbConnection connection, DbCommand command) => command.Cancel();

    /// <inheritdoc />
    /// <remarks>40001 serialization failure, 40P01 deadlock, 55P03 lock not available, 57P01 admin shutdown, 57P03 starting up,
    /// 53300 too many connections; then whatever Npgsql itself calls transient (a dropped connection, a timeout).</remarks>
    public override bool IsTransient(Exception error) => error switch
    {
        PostgresException { SqlState: "40001" or "40P01" or "55P03" or "57P01" or "57P03" or "53300" } => true,
        PostgresException => false, // the server answered: constraint, syntax, privilege ... retrying changes nothing
        NpgsqlException n => n.IsTransient,
        _ => false,
    };

    /// <inheritdoc />
    public override (bool Usage, string Message)? Describe(Exception error) => error switch
    {
        PostgresException { SqlState: "28P01" or "28000" } p =>
            (true, $"数据库登录失败 / PostgreSQL refused the login at {Location} (check user and password in --db): {p.MessageText}"),
        PostgresException { SqlState: "3D000" } p =>
            (true, $"数据库不存在 / the database does not exist at {Location} (create it, or check --db): {p.MessageText}"),
        PostgresException { SqlState: "25006" } p =>
            (true, $"数据库只读 / PostgreSQL refused a write in a read-only transaction at {Location}: {p.MessageText}"),
        PostgresException { SqlState: "42501" } p =>
            (true, $"权限不足 / permission denied at {Location} (the login lacks a privilege): {p.MessageText}"),
        PostgresException { SqlState: "40001" or "40P01" or "55P03" } p =>
            (false, $"数据库冲突 / PostgreSQL aborted the transaction (serialization failure or deadlock): {p.MessageText}; try again"),
        PostgresException { SqlState: "53300" or "57P01" or "57P03" } p =>
            (false, $"数据库服务器暂不可用 / PostgreSQL at {Location} is not taking this connection now: {p.MessageText}; try again"),
        NpgsqlException { InnerException: SocketException s } =>
            (true, $"无法连接数据库服务器 / cannot connect to PostgreSQL at {Location} ({s.SocketErrorCode}): "
                + "is the server running? check --db"),
        NpgsqlException { InnerException: TimeoutException } =>
            (true, $"连接数据库服务器超时 / connecting to PostgreSQL at {Location} timed out: is the server reachable? check --db"),
        _ => null,
    };

    /// <inheritdoc />
    public override bool HasRoles => true;

    /// <inheritdoc />
    /// <remarks>Runs after every migration under the migrator's advisory lock, so two nodes do not race on CREATE ROLE.</remarks>
    public override string? EnsureReader(DbConnection connection, DbTransaction tx)
    {
        var state = connection.QuerySingle<(bool Exists, bool CanCreate, bool IsMember)>(Sql("roles/reader_state"), transaction: tx);
        if (!state.Exists && !state.CanCreate)
            return $"未创建只读角色 / could not create role {ReaderRole}: this login lacks CREATEROLE. Ask an administrator to run "
                + $"`CREATE ROLE {ReaderRole} NOLOGIN; GRANT {ReaderRole} TO <owner>;` and run init again; until then `sql` runs in a "
                + "read-only transaction as the owner";
        if (state.CanCreate)
        {
            connection.Execute(Sql("roles/reader_settings"), new { password = ReaderPassword ?? "", login = ReaderLogin ?? "" }, tx);
            connection.Execute(Sql("roles/create_reader"), transaction: tx);
        }
        connection.Execute(Sql("roles/grant_reader"), transaction: tx);
        return state.IsMember || state.CanCreate ? null
            : $"只读角色未授予本登录 / role {ReaderRole} exists but this login is not a member (GRANT {ReaderRole} TO <owner>); "
                + "`sql` runs in a read-only transaction as the owner until then";
    }

    /// <inheritdoc />
    public override QueryResult RunAdHoc(string sql, QueryLimits limits, CancellationToken cancel, TimeSpan timeout) =>
        PostgresAdHoc.Run(this, sql, limits, cancel, timeout);
}
