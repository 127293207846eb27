using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Warehouse.Store.Engine;

/// <summary>SQL Server's stage: buffered figures go by <see cref="SqlBulkCopy"/> into <c>#stage_observation</c> inside the load's
/// transaction; grouping, checks and the one <c>MERGE</c> run as SQL Server's versions of the <c>observations/stage_*</c> statements.</summary>
/// <remarks>Row-by-row INSERTs cost a round trip each; SqlBulkCopy streams rows in the TDS bulk format. At most
/// <c>flushEvery</c> rows are buffered, and each flush is one complete bulk copy, so no bulk operation stays open while the
/// load writes periods or rejects on the same connection.</remarks>
public sealed class SqlServerStage : ObservationStage
{
    /// <summary>The columns of <c>#stage_observation</c> (observations/stage_create) in order, as the bulk copy sends them.</summary>
    public static readonly IReadOnlyList<(string Name, Type Type)> Columns =
    [
        ("seq", typeof(long)), ("region_key", typeof(long)), ("indicator_key", typeof(long)), ("period_key", typeof(long)),
        ("value", typeof(double)), ("location", typeof(string)), ("evidence", typeof(string)), ("note", typeof(string)),
    ];

    private readonly int _flushEvery;
    private readonly DataTable _rows;
    private readonly SqlBulkCopy _bulk;

    /// <summary>Rows sent to the server so far.</summary>
    public long Staged { get; private set; }

    /// <summary>Creates <c>#stage_observation</c> and <c>#stage_key</c> on the load's connection, in its transaction.</summary>
    public SqlServerStage(SqlDialect dialect, DbConnection connection, DbTransaction tx, int flushEvery = 10_000)
        : base(dialect, connection, tx)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEvery, 1);
        _flushEvery = flushEvery;
        _rows = new DataTable();
        foreach (var (name, type) in Columns) _rows.Columns.Add(name, type);
        // TableLock: the temp table is this session's alone, and a bulk-update lock lets the server log minimally.
        _bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.TableLock, (SqlTransaction)tx)
        {
            DestinationTableName = "#stage_observation",
            BatchSize = flushEvery,
            BulkCopyTimeout = 0, // the load's own limits apply; a big file must not fail on a per-flush timeout
        };
        foreach (var (name, _) in Columns) _bulk.ColumnMappings.Add(name, name);
    }

    /// <inheritdoc />
    protected override void Write(in StagedRow row)
    {
        // float(53) holds no Infinity or NaN; saying so here names the figure instead of failing the whole bulk copy.
        if (!double.IsFinite(row.Value)) throw new ArgumentOutOfRangeException(nameof(row), row.Value, $"{row.Location}: not a finite number");
        _rows.Rows.Add(row.Seq, row.Region, row.Indicator, row.Period, row.Value, row.Location,
            (object?)row.Evidence ?? DBNull.Value, (object?)row.Note ?? DBNull.Value);
        if (_rows.Rows.Count >= _flushEvery) Flush();
    }

    /// <inheritdoc />
    public override void Complete() => Flush();

    private void Flush()
    {
        if (_rows.Rows.Count == 0) return;
        _bulk.WriteToServer(_rows);
        Staged += _rows.Rows.Count;
        _rows.Clear();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        ((IDisposable)_bulk).Dispose();
        _rows.Dispose();
        base.Dispose();
    }
}
