using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Warehouse.Store.Engine;

/// <summary>SQL Server (2019 and later) through Microsoft.Data.SqlClient: identity keys, <c>float(53)</c> values,
/// <c>datetimeoffset</c> times, scripts split on <c>GO</c>.</summary>
public sealed class SqlServerDialect(SqlConnectionStringBuilder connection) : SqlDialect
{
    /// <summary>The connection settings (with password; never print them).</summary>
    public SqlConnectionStringBuilder Connection { get; } = connection;

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

    /// <inheritdoc />
    public override DbConnection OpenReadOnly()
    {
        // TODO(#12): connect as warehouse_reader when configured.
        var c = new SqlConnection(new SqlConnectionStringBuilder(Connection.ConnectionString) { ApplicationIntent = ApplicationIntent.ReadOnly }.ConnectionString);
        c.Open();
        return c;
    }

    /// <inheritdoc />
    public override object Now() => DateTimeOffset.Now;

    /// <inheritdoc />
    public override IEnumerable<string> Batches(string script) =>
        System.Text.RegularExpressions.Regex.Split(script, @"^\s*GO\s*;?\s*$", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Where(b => b.Trim().Length > 0);

    /// <inheritdoc />
    public override bool TableExists(DbConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT CASE WHEN OBJECT_ID(@n) IS NULL THEN 0 ELSE 1 END";
        var p = cmd.CreateParameter();
        p.ParameterName = "@n";
        p.Value = table;
        cmd.Parameters.Add(p);
        return Convert.ToInt32(cmd.ExecuteScalar()) == 1;
    }

    /// <summary>Error numbers worth a retry: deadlock victim, lock timeout, Azure/AG failover and throttling, broken transport.</summary>
    private static readonly HashSet<int> TransientNumbers = [1205, 1222, -2, 233, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920, 4221];

    /// <inheritdoc />
    public override bool IsTransient(Exception error) =>
        error is SqlException s && s.Errors.Cast<SqlError>().Any(e => TransientNumbers.Contains(e.Number));
}
