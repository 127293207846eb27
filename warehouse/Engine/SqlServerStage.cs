using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Warehouse.Store.Engine;

/// <summary>A statistics file's figures on their way into fact_observation on SQL Server: buffered rows go by
/// <see cref="SqlBulkCopy"/> into <c>#stage_observation</c> inside the load's transaction; grouping and the one <c>MERGE</c>
/// run as the named statements <c>observations/stage_group</c> and <c>observations/stage_merge</c> (SQL Server's versions).</summary>
/// <remarks>Row-by-row INSERTs cost a round trip each; SqlBulkCopy streams rows in the TDS bulk format. At most
/// <c>flushEvery</c> rows are buffered, and each flush is one complete bulk copy, so no bulk operation stays open while the
/// load writes periods or rejects on the same connection. Shaped for the <c>ObservationStage</c> seam of issue 12:
/// <see cref="Add"/> is its <c>Write</c>, <see cref="Complete"/> its <c>Complete</c>; the base class creates the tables and
/// runs <see cref="Group"/> and <see cref="Merge"/> itself.</remarks>
public sealed class SqlServerStage : IDisposable
{
    /// <summary>The columns of <c>#stage_observation</c> (observations/stage_create) in order, as the bulk copy sends them.</summary>
    public static readonly IReadOnlyList<(string Name, Type Type)> Columns =
    [
        ("seq", typeof(long)), ("region_key", typeof(long)), ("indicator_key", typeof(long)), ("period_key", typeof(long)),
        ("value", typeof(double)), ("location", typeof(string)), ("evidence", typeof(string)), ("note", typeof(string)),
    ];

    private readonly SqlServerDialect _dialect;
    private readonly SqlConnection _c;
    private readonly SqlTransaction _tx;
    private readonly int _flushEvery;
    private readonly DataTable _rows;
    private readonly SqlBulkCopy _bulk;

    /// <summary>Rows sent to the server so far.</summary>
    public long Staged { get; private set; }

    /// <summary>Creates <c>#stage_observation</c> and <c>#stage_key</c> on the load's connection, in its transaction.</summary>
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
        _bulk = new SqlBulkCopy(_c, SqlBulkCopyOptions.TableLock, _tx)
        {
            DestinationTableName = "#stage_observation",
            BatchSize = flushEvery,
            BulkCopyTimeout = 0, // the load's own limits apply; a big file must not fail on a per-flush timeout
        };
        foreach (var (name, _) in Columns) _bulk.ColumnMappings.Add(name, name);
    }

    /// <summary>Buffers one figure (<paramref name="seq"/>: its place in the file, unique); sends the buffer when it is full.</summary>
    public void Add(long seq, long region, long indicator, long period, double value, string location, string? evidence, string? note)
    {
        // float(53) holds no Infinity or NaN; saying so here names the figure instead of failing the whole bulk copy.
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"{location}: not a finite number");
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

    /// <summary>Makes every figure added so far visible in <c>#stage_observation</c>.</summary>
    public void Complete() => Flush();

    /// <summary>Groups the staged figures by key into <c>#stage_key</c>: the first figure of each, and whether they disagree.</summary>
    public void Group()
    {
        Complete();
        _c.Execute(_dialect.Sql("observations/stage_group"), transaction: _tx);
    }

    /// <summary>Writes the first figure of every uncontradicted key into fact_observation (insert or update); returns how many.</summary>
    public int Merge(long sourceKey, long batchId) =>
        _c.Execute(_dialect.Sql("observations/stage_merge"), new { sourceKey, batchId }, _tx);

    /// <summary>Releases the bulk copier and the buffer (the temporary tables go with the connection).</summary>
    public void Dispose()
    {
        ((IDisposable)_bulk).Dispose();
        _rows.Dispose();
    }
}
