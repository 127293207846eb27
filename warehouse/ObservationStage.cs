using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A figure of a key whose figures disagree within one file.</summary>
public sealed record StagedValue(long Region, long Indicator, string PeriodCode, double Value, string Location);

/// <summary>The first figure of an uncontradicted key, with its period, for the plausibility check.</summary>
/// <remarks>Settable properties, not a positional record: Dapper converts an engine's <c>integer</c> to <c>long</c> for a setter,
/// but matches a constructor only when every column's type is exactly the parameter's.</remarks>
public sealed record StagedFirst
{
    /// <summary>File order of the figure.</summary>
    public long Seq { get; init; }

    /// <summary>Period code (2023, 2023Q2 ...).</summary>
    public string PeriodCode { get; init; } = "";

    /// <summary>Period grain.</summary>
    public string Grain { get; init; } = "";

    /// <summary>First month of the period.</summary>
    public long MonthFrom { get; init; }

    /// <summary>Last month of the period.</summary>
    public long MonthTo { get; init; }

    /// <summary>Year of the period.</summary>
    public long Year { get; init; }

    /// <summary>The figure.</summary>
    public double Value { get; init; }

    /// <summary>Where in the file it stands.</summary>
    public string Location { get; init; } = "";

    /// <summary>The statistician's note, if any.</summary>
    public string? Note { get; init; }
}

/// <summary>A key the merge adds (<paramref name="Old"/> null) or whose stored value it changes.</summary>
public sealed record StagedChange(long Region, long Indicator, string PeriodCode, double Value, double? Old);

/// <summary>One statistics file's figures on their way into <c>fact_observation</c>, inside the file's one transaction: staged in
/// file order, grouped by key, checked, then merged in one statement. Engines differ only in how figures reach the staging table
/// (<see cref="Write"/>) and in the staging statements' table names (<c>observations/stage_*</c>).</summary>
/// <remarks>Every step after <see cref="Complete"/> runs on the engine as a named statement; no step holds a reader open while
/// another statement runs, because neither PostgreSQL nor SQL Server (without MARS) allows two on one connection.</remarks>
public abstract class ObservationStage : IDisposable
{
    private readonly Dictionary<string, long> _periods = new(StringComparer.Ordinal);
    private PreparedStatement? _exclude;
    private long _seq;

    /// <summary>The engine the stage runs on.</summary>
    protected SqlDialect Dialect { get; }

    /// <summary>The load's connection.</summary>
    protected DbConnection Connection { get; }

    /// <summary>The load's transaction (one per file).</summary>
    protected DbTransaction Transaction { get; }

    /// <summary>Creates the staging tables (<c>observations/stage_create</c>) inside the load's transaction.</summary>
    protected ObservationStage(SqlDialect dialect, DbConnection connection, DbTransaction tx)
    {
        (Dialect, Connection, Transaction) = (dialect, connection, tx);
        connection.Execute(dialect.Sql("observations/stage_create"), transaction: tx);
    }

    /// <summary>Stages one figure (its period is added to <c>dim_period</c> first if new).</summary>
    public void Add(long region, long indicator, Period period, double value, string location, string? evidence, string? note)
    {
        if (!_periods.TryGetValue(period.Code, out var periodKey))
            _periods[period.Code] = periodKey = Periods.Ensure(Dialect, Connection, period, Transaction);
        Write(new StagedRow(++_seq, region, indicator, periodKey, value, location, evidence, note));
    }

    /// <summary>Sends one figure towards the staging table; it need not be there before <see cref="Complete"/>.</summary>
    /// <remarks>Called between other statements on the connection (periods, rejects): an engine that streams must not leave a
    /// bulk operation open across calls.</remarks>
    protected abstract void Write(in StagedRow row);

    /// <summary>Makes every figure written so far visible in the staging table.</summary>
    public virtual void Complete() { }

    /// <summary>Groups the staged figures by key: the first figure of each, and whether the key's figures disagree.</summary>
    public void Group()
    {
        Complete();
        Run("observations/stage_group");
    }

    /// <summary>Every figure of every contradicted key, keys and figures in file order (usually none; held in memory, since the
    /// caller writes rejects as it reads them).</summary>
    public IReadOnlyList<StagedValue> Contradictions()
    {
        if (Connection.ExecuteScalar<long>(Dialect.Sql("observations/stage_contradicted_count"), transaction: Transaction) == 0) return [];
        return Connection.Query<(long, long, string, double, string)>(Dialect.Sql("observations/stage_contradictions"),
                transaction: Transaction)
            .Select(r => new StagedValue(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5)).ToList();
    }

    /// <summary>The series (region, indicator) that hold an uncontradicted figure, in key order.</summary>
    public IReadOnlyList<(long Region, long Indicator)> Series() =>
        Connection.Query<(long, long)>(Dialect.Sql("observations/stage_series"), transaction: Transaction).ToList();

    /// <summary>The first figure of every uncontradicted key of one series, in period order.</summary>
    public IReadOnlyList<StagedFirst> Firsts(long region, long indicator) =>
        Connection.Query<StagedFirst>(Dialect.Sql("observations/stage_firsts"), new { region, indicator }, Transaction).ToList();

    /// <summary>Leaves the key whose first figure is <paramref name="seq"/> out of the merge (an implausible figure).</summary>
    public void Exclude(long seq)
    {
        _exclude ??= new PreparedStatement(Dialect, Connection, Transaction, "observations/stage_exclude", "seq");
        _exclude.Run(seq);
    }

    /// <summary>What the merge will change against what <paramref name="sourceKey"/> already holds, in file order (streamed).</summary>
    public IEnumerable<StagedChange> Changes(long sourceKey) =>
        Connection.Query<(long, long, string, double, double?)>(Dialect.Sql("observations/stage_changes"), new { sourceKey }, Transaction,
                buffered: false)
            .Select(r => new StagedChange(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5));

    /// <summary>Writes the first figure of every uncontradicted key into <c>fact_observation</c>; returns how many rows it wrote.</summary>
    public int Merge(long sourceKey, long batchId) =>
        Connection.Execute(Dialect.Sql("observations/stage_merge"), new { sourceKey, batchId }, Transaction);

    /// <summary>Runs a named statement without parameters on the load's transaction.</summary>
    protected void Run(string statement) => Connection.Execute(Dialect.Sql(statement), transaction: Transaction);

    /// <summary>Releases prepared statements; the staging tables go with the transaction or the connection.</summary>
    public virtual void Dispose()
    {
        _exclude?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One staged figure: file order, keys, value and where it came from.</summary>
public readonly record struct StagedRow(long Seq, long Region, long Indicator, long Period, double Value, string Location, string? Evidence,
    string? Note);

/// <summary>The default stage: one prepared insert per figure (SQLite, where an insert is a function call, not a round trip).</summary>
public sealed class PreparedStage : ObservationStage
{
    private readonly PreparedStatement _add;

    /// <summary>Creates the staging tables and prepares the insert.</summary>
    public PreparedStage(SqlDialect dialect, DbConnection connection, DbTransaction tx) : base(dialect, connection, tx) =>
        _add = new PreparedStatement(dialect, connection, tx, "observations/stage_add",
            "seq", "region", "indicator", "period", "value", "location", "evidence", "note");

    /// <inheritdoc />
    protected override void Write(in StagedRow row) =>
        _add.Run(row.Seq, row.Region, row.Indicator, row.Period, row.Value, row.Location, row.Evidence, row.Note);

    /// <inheritdoc />
    public override void Dispose()
    {
        _add.Dispose();
        base.Dispose();
    }
}
