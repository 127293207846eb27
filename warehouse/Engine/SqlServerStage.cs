using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Warehouse.Store.Engine;

/// <summary>A statistics file's figures on their way into fact_observation on SQL Server: buffered rows go by
/// <see cref="SqlBulkCopy"/> into <c>#stage_observation</c> inside the load's transaction, then are grouped by key and merged
/// with one <c>MERGE</c> (statements <c>observations/stage_*.sqlserver.sql</c> and <c>observations/merge_staged</c>).</summary>
/// <remarks>Row-by-row INSERTs cost a round trip each; SqlBulkCopy streams the rows in the TDS bulk format. Memory stays flat:
/// at most <c>flushEvery</c> rows are buffered. The temporary tables live with the connection and go when it closes.</remarks>
public sealed class SqlServerStage : IDisposable
{
    private readonly SqlServerDialect _dialect;
    private readonly SqlConnection _c;
    private readonly SqlTransaction _tx;
    private readonly int _flushEvery;
    private readonly DataTable _rows;
    private readonly SqlBulkCopy _bulk;
    private bool _complete;

    /// <summary>The columns of <c>#stage_observation</c> (observations/stage_create) in order, as the bulk copy sends them.</summary>
    public static readonly IReadOnlyList<(string Name, Type Type)> Columns =
    [
        ("seq", typeof(long)), ("region_key", typeof(long)), ("indicator_key", typeof(long)), ("period_key", typeof(long)),
        ("value", typeof(double)), ("location", typeof(string)), ("evidence", typeof(string)), ("note", typeof(string)),
    ];

    /// <summary>Rows sent to the server so far.</summary>
    public long Staged { get; private set; }

    /// <summary>Creates <c>#stage_observation</c> on the load's connection, in its transaction.</summary>
    public SqlServerStage(SqlServerDialect dialect, DbConnection connection, DbTransaction tx, int flushEvery = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEvery, 1);
        _dialect = dialect;
        _c = (SqlConnection)connection;
        _tx = (SqlTransaction)tx;
        _flushEvery = flushEvery;
        _c.Execute(dialect.Sql("observations/stage_create"), transaction: _tx);
        _rows = new DataTable();
        foreach (var (name, type) in Columns) _rows.Columns.Add(name, type);
        // TableLock: the temp table is this session's alone, and a bulk-update lock lets the server log minimally.
        _bulk = new SqlBulkCopy(_c, SqlBulkCopyOptions.TableLock | SqlBulkCopyOptions.CheckConstraints, _tx)
        {
            DestinationTableName = "#stage_observation",
            BatchSize = flushEvery,
            BulkCopyTimeout = 0, // the load's own limits apply; a big file must not fail on a per-flush timeout
        };
        foreach (DataColumn column in _rows.Columns) _bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
    }

    /// <summary>Buffers one figure (<paramref name="seq"/>: its place in the file, unique); sends the buffer when it is full.</summary>
    public void Add(long seq, long region, long indicator, long period, double value, string location, string? evidence, string? note)
    {
        if (_complete) throw new InvalidOperationException("the stage is complete; no more figures can be added");
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "a staged value must be a finite number");
        _rows.Rows.Add(seq, region, indicator, period, value, location, (object?)evidence ?? DBNull.Value, (object?)note ?? DBNull.Value);
        if (_rows.Rows.Count >= _flushEvery) Flush();
    }

    /// <summary>Sends the buffered figures to <c>#stage_observation</c>.</summary>
    public void Flush()
    {
        if (_rows.Rows.Count == 0) return;
        _bulk.WriteToServer(_rows);
        Staged += _rows.Rows.Count;
        _rows.Clear();
    }

    /// <summary>Sends the last figures and groups them by key into <c>#stage_key</c> (first figure, contradicted or not); the
    /// load then reads contradictions and changes and calls <see cref="Merge"/>.</summary>
    public void Complete()
    {
        if (_complete) return;
        Flush();
        _c.Execute(_dialect.Sql("observations/stage_group"), transaction: _tx);
        _complete = true;
    }

    /// <summary>Writes the first figure of every uncontradicted key into fact_observation (insert or update); returns how many.</summary>
    public int Merge(long sourceKey, long batchId)
    {
        if (!_complete) Complete();
        return _c.Execute(_dialect.Sql("observations/merge_staged"), new { sourceKey, batchId }, _tx);
    }

    /// <summary>Releases the bulk copier and the buffer (the temporary tables go with the connection).</summary>
    public void Dispose()
    {
        ((IDisposable)_bulk).Dispose();
        _rows.Dispose();
    }
}
