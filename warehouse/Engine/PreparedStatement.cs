using System.Data.Common;

namespace Warehouse.Store.Engine;

/// <summary>A named statement prepared once on a load's connection and run many times with new values (row-by-row writes that
/// stream: rejects, staged figures on SQLite).</summary>
public sealed class PreparedStatement : IDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    /// <summary>Prepares <paramref name="statement"/> with the <c>@</c>-parameters named in <paramref name="parameters"/>, in order.</summary>
    public PreparedStatement(SqlDialect dialect, DbConnection connection, DbTransaction tx, string statement, params string[] parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = dialect.Sql(statement);
        _parameters = parameters.Select(name =>
        {
            var p = _command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = DBNull.Value;
            _command.Parameters.Add(p);
            return p;
        }).ToArray();
    }

    /// <summary>Runs the statement with these values (in the order the parameters were named); returns rows affected.</summary>
    public int Run(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
        return _command.ExecuteNonQuery();
    }

    /// <summary>Releases the command.</summary>
    public void Dispose() => _command.Dispose();
}
