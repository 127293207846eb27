using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>One row of v_attainment.</summary>
public sealed record AttainmentRow(string RegionCode, string RegionName, string IndicatorCode, string IndicatorName, string Unit,
    string Measure, string TargetKind, long PeriodStart, long PeriodEnd, long TargetYear, string Comparator, double Target,
    long? LatestYear, double? LatestValue, double? Progress, double? Forecast, double? Lo80, double? Hi80, double? Lo95, double? Hi95,
    double? ProbabilityMet, double? Gap, double? RequiredGrowth, string Status, string? Note, string SourceDocument, string Evidence,
    double? Achieved, long? AchievedAsOf, string? SourceKind)
{
    // Dapper builds rows through this and the init properties, converting each engine's integer widths (see SeriesValue);
    // the positional constructor is for code that builds rows by hand.
    private AttainmentRow() : this("", "", "", "", "", "", "", 0, 0, 0, "", 0, null, null, null, null, null, null, null, null, null, null,
        null, "", null, "", "", null, null, null) { }
}

/// <summary>One observed yearly value (the best source's, from v_series) with where it came from.</summary>
public sealed record ObservationPoint
{
    /// <summary>Region code.</summary>
    public string RegionCode { get; init; } = "";
    /// <summary>Indicator code.</summary>
    public string IndicatorCode { get; init; } = "";
    /// <summary>Calendar year.</summary>
    public long Year { get; init; }
    /// <summary>Value in the canonical unit.</summary>
    public double Value { get; init; }
    /// <summary>statistics, published or illustrative.</summary>
    public string SourceKind { get; init; } = "";
    /// <summary>File name of the source.</summary>
    public string Source { get; init; } = "";
}

/// <summary>One forecast year.</summary>
public sealed record ForecastPoint
{
    /// <summary>Region code.</summary>
    public string RegionCode { get; init; } = "";
    /// <summary>Indicator code.</summary>
    public string IndicatorCode { get; init; } = "";
    /// <summary>Calendar year.</summary>
    public long Year { get; init; }
    /// <summary>Point forecast.</summary>
    public double Point { get; init; }
    /// <summary>80% interval, low end.</summary>
    public double Lo80 { get; init; }
    /// <summary>80% interval, high end.</summary>
    public double Hi80 { get; init; }
    /// <summary>95% interval, low end.</summary>
    public double Lo95 { get; init; }
    /// <summary>95% interval, high end.</summary>
    public double Hi95 { get; init; }
}

/// <summary>A source row for the 数据来源 sheet.</summary>
public sealed class SourceRow
{
    /// <summary>File name.</summary>
    public required string SourceName { get; init; }
    /// <summary>plan, statistics, published or illustrative.</summary>
    public required string Kind { get; init; }
    /// <summary>Document title, when it has one.</summary>
    public string? Title { get; init; }
    /// <summary>SHA-256 of the file.</summary>
    public required string Checksum { get; init; }
    /// <summary>When the file was last loaded.</summary>
    public DateTimeOffset LoadedAt { get; init; }
}

/// <summary>A baseline or target for the 目标 sheet and chart markers.</summary>
public sealed record TargetRow(string RegionCode, string RegionName, string IndicatorCode, string IndicatorName, string Unit, string Measure,
    string TargetKind, long PeriodStart, long PeriodEnd, long TargetYear, string Comparator, double Value, string SourceDocument,
    string Evidence, long EvidenceOffset)
{
    // Dapper builds rows through this and the init properties, converting each engine's integer widths (see SeriesValue).
    private TargetRow() : this("", "", "", "", "", "", "", 0, 0, 0, "", 0, "", "", 0) { }
}

/// <summary>Rows in one table, for <c>status</c>.</summary>
public sealed record TableCount
{
    /// <summary>Table name.</summary>
    public string TableName { get; init; } = "";
    /// <summary>Rows in it.</summary>
    public long Total { get; init; }
}

/// <summary>A batch of the load log (a class: Dapper applies the timestamp handler to properties).</summary>
public sealed class BatchRow
{
    /// <summary>Batch id.</summary>
    public long BatchId { get; init; }
    /// <summary>ingest-plan, ingest-statistics, forecast, job:ingest ...</summary>
    public string Job { get; init; } = "";
    /// <summary>Who started it: cli, schedule, manual, chain:… (column triggered_by).</summary>
    public string? Trigger { get; init; }
    /// <summary>The file it read, if any.</summary>
    public string? Source { get; init; }
    /// <summary>Start time.</summary>
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>End time, null while running.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>How long the run took, in seconds to the millisecond; null while running.</summary>
    public double? DurationSeconds => FinishedAt is { } end ? Math.Round((end - StartedAt).TotalSeconds, 3) : null;
    /// <summary>running, succeeded, partial, failed, interrupted or skipped.</summary>
    public string Status { get; init; } = "";
    /// <summary>Rows read.</summary>
    public long RowsRead { get; init; }
    /// <summary>Rows loaded.</summary>
    public long RowsLoaded { get; init; }
    /// <summary>Rows quarantined.</summary>
    public long RowsRejected { get; init; }
    /// <summary>Rows whose stored value changed.</summary>
    public long RowsChanged { get; init; }
    /// <summary>Why it failed.</summary>
    public string? Error { get; init; }
    /// <summary>Summary of what it did.</summary>
    public string? Detail { get; init; }
}

/// <summary>A quarantined row.</summary>
public sealed record RejectRow
{
    /// <summary>etl_reject key.</summary>
    public long RejectId { get; init; }
    /// <summary>The batch that refused it.</summary>
    public long BatchId { get; init; }
    /// <summary>File it came from (column file_name).</summary>
    public string FileName { get; init; } = "";
    /// <summary>Line or cell.</summary>
    public string? Location { get; init; }
    /// <summary>Why it was refused.</summary>
    public string Reason { get; init; } = "";
    /// <summary>What the row said.</summary>
    public string? RawText { get; init; }
}

/// <summary>A kind of reject reason with how many rows had it and one example.</summary>
public sealed record RejectReason
{
    /// <summary>The reason's kind (its text before the first colon).</summary>
    public string Reason { get; init; } = "";
    /// <summary>Rows with it.</summary>
    public long Total { get; init; }
    /// <summary>One of them: file, location and full reason.</summary>
    public string? Example { get; init; }
}

/// <summary>The read models reports, <c>status</c> and the dashboard show: typed rows from the views and the load log, read on
/// the caller's connection so one briefing reads one consistent state.</summary>
public sealed class ReadModels(SqlDialect dialect, DbConnection connection)
{
    /// <summary>Every assessed goal and milestone (v_attainment) by region, indicator and target year.</summary>
    /// <remarks>Ordered here, not in SQL: text order depends on the database's collation (en_US ignores the underscores of
    /// indicator codes, C does not), and a briefing must come out the same on every engine.</remarks>
    public IReadOnlyList<AttainmentRow> Attainment() => Read<AttainmentRow>("read/attainment")
        .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.TargetYear)
        .ThenBy(r => r.Measure, StringComparer.Ordinal).ThenBy(r => r.TargetKind, StringComparer.Ordinal).ThenBy(r => r.PeriodStart).ThenBy(r => r.Target)
        .ThenBy(r => r.SourceDocument, StringComparer.Ordinal).ThenBy(r => r.Evidence, StringComparer.Ordinal).ToList();

    /// <summary>Every goal, milestone and baseline (v_targets).</summary>
    public IReadOnlyList<TargetRow> Targets() => Read<TargetRow>("read/targets")
        .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.TargetKind, StringComparer.Ordinal).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.TargetYear)
        .ThenBy(r => r.PeriodStart).ThenBy(r => r.Value).ThenBy(r => r.SourceDocument, StringComparer.Ordinal).ThenBy(r => r.EvidenceOffset).ToList();

    /// <summary>Every yearly observed figure, best source per year (v_series), by region, indicator and year.</summary>
    public IReadOnlyList<ObservationPoint> Series() => Read<ObservationPoint>("read/series")
        .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.Year).ToList();

    /// <summary>Every forecast year (v_forecasts).</summary>
    public IReadOnlyList<ForecastPoint> Forecasts() => Read<ForecastPoint>("read/forecasts")
        .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.Year).ToList();

    /// <summary>Every source read, by kind and name.</summary>
    public IReadOnlyList<SourceRow> Sources() => Read<SourceRow>("read/sources")
        .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.SourceName, StringComparer.Ordinal).ToList();

    /// <summary>Rows per warehouse table.</summary>
    public IReadOnlyList<TableCount> TableCounts() => Read<TableCount>("read/table_counts");

    /// <summary>The latest <paramref name="n"/> batches older than batch <paramref name="before"/> (all when null), newest first;
    /// only those of <paramref name="job"/> when given.</summary>
    public IReadOnlyList<BatchRow> Batches(int n, long? before = null, string? job = null) =>
        Read<BatchRow>("read/batches", new { n, before = before ?? long.MaxValue, job = job ?? "" });

    /// <summary>The latest batch of a job, or null.</summary>
    public BatchRow? LastBatch(string job) => Read<BatchRow>("read/last_job_batch", new { job }).FirstOrDefault();

    /// <summary>The latest <paramref name="n"/> quarantined rows older than reject <paramref name="before"/> (all when null),
    /// newest first.</summary>
    public IReadOnlyList<RejectRow> Rejects(int n, long? before = null) =>
        Read<RejectRow>("read/rejects", new { n, before = before ?? long.MaxValue });

    /// <summary>The commonest reject reasons of recent batches still standing (not those of a file loaded again since).</summary>
    public IReadOnlyList<RejectReason> RejectReasons() => Read<RejectReason>("read/reject_reasons");

    /// <summary>A stored time as Beijing time (UTC+8, no daylight saving), the zone every user reads times in.</summary>
    public static DateTimeOffset Beijing(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8));

    private List<T> Read<T>(string statement, object? args = null) => connection.Query<T>(dialect.Sql(statement), args).ToList();
}
