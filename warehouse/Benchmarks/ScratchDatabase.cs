using Dapper;
using Microsoft.Data.SqlClient;
using Npgsql;
using Warehouse.Store.Engine;

namespace Warehouse.Store.Benchmarks;

/// <summary>A throw-away database beside the one named by <c>--db</c>, so a benchmark never writes into a real warehouse:
/// a file in the scratch folder on SQLite, <c>CREATE DATABASE</c> on the same server elsewhere (needs CREATEDB).</summary>
public sealed class ScratchDatabase : IDisposable
{
    private readonly SqlDialect _server;
    private readonly string _name;

    /// <summary>The scratch database's engine.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Creates (or empties) the scratch database <paramref name="name"/>.</summary>
    public ScratchDatabase(SqlDialect server, string folder, string name)
    {
        _server = server;
        _name = name;
        switch (server)
        {
            case SqliteDialect:
                var path = System.IO.Path.Combine(folder, name + ".db");
                foreach (var f in Directory.GetFiles(folder, name + ".db*")) File.Delete(f);
                Dialect = new SqliteDialect(path);
                break;
            case PostgresDialect p:
                Exec("bench/drop_database");
                Exec("bench/create_database");
                Dialect = new PostgresDialect(new NpgsqlConnectionStringBuilder(p.Connection.ConnectionString) { Database = name });
                break;
            case SqlServerDialect s:
                Exec("bench/drop_database");
                Exec("bench/create_database");
                Dialect = new SqlServerDialect(new SqlConnectionStringBuilder(s.Connection.ConnectionString) { InitialCatalog = name });
                break;
            default:
                throw new NotSupportedException(server.Name);
        }
    }

    private void Exec(string statement)
    {
        using var c = _server.OpenReadWrite();
        c.Execute(_server.Sql(statement).Replace("bench_scratch", _name));
    }

    /// <summary>Drops the scratch database (SQLite files stay in the scratch folder for inspection).</summary>
    public void Dispose()
    {
        if (_server is SqliteDialect) return;
        NpgsqlConnection.ClearAllPools();
        SqlConnection.ClearAllPools();
        Exec("bench/drop_database");
    }
}
