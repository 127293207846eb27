using System.Data.Common;
using Npgsql;

namespace Warehouse.Store.Engine;

/// <summary>PostgreSQL through Npgsql: identity keys, <c>double precision</c> values, <c>timestamptz</c> times.</summary>
public sealed class PostgresDialect(NpgsqlConnectionStringBuilder connection) : SqlDialect
{
    /// <summary>The connection settings (with password; never print them).</summary>
    public NpgsqlConnectionStringBuilder Connection { get; } = connection;

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

    /// <inheritdoc />
    public override DbConnection OpenReadOnly()
    {
        // TODO(#12): connect as warehouse_reader when configured; default_transaction_read_only otherwise.
        var b = new NpgsqlConnectionStringBuilder(Connection.ConnectionString) { Options = "-c default_transaction_read_only=on" };
        var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        return c;
    }

    /// <inheritdoc />
    public override object Now() => DateTimeOffset.UtcNow; // Npgsql writes timestamptz only from UTC values

    /// <inheritdoc />
    public override bool TableExists(DbConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT to_regclass(@n) IS NOT NULL";
        var p = cmd.CreateParameter();
        p.ParameterName = "n";
        p.Value = table;
        cmd.Parameters.Add(p);
        return cmd.ExecuteScalar() is true;
    }

    /// <inheritdoc />
    public override ObservationStage CreateStage(DbConnection connection, DbTransaction tx) => new PostgresStage(this, connection, tx);

    /// <inheritdoc />
    public override bool IsTransient(Exception error) => error switch
    {
        PostgresException { SqlState: "40001" or "40P01" or "55P03" or "57P01" or "53300" } => true,
        NpgsqlException n => n.IsTransient,
        _ => false,
    };
}
