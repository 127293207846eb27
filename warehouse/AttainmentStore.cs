using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A goal or milestone to assess.</summary>
public sealed record TargetToAssess(long TargetKey, long RegionKey, long IndicatorKey, string Measure, string Comparator, double Value,
    long TargetYear, long SpanStart, long SpanEnd);

/// <summary>The assessment of one target, as stored in <c>fact_attainment</c>.</summary>
public sealed record AttainmentFact(long TargetKey, int? LatestYear, double? LatestValue, double? Achieved, int? AchievedAsOf,
    double? Progress, double? Forecast, double? Lo80, double? Hi80, double? Lo95, double? Hi95, double? Probability, double? Gap, double? RequiredGrowth,
    string Status, string? SourceKind, string? Note, long BatchId);

/// <summary>Reads the targets to assess and writes <c>fact_attainment</c>, inside the forecast run's transaction.</summary>
public sealed class AttainmentStore(SqlDialect dialect, DbConnection connection, DbTransaction tx)
{
    /// <summary>Every goal and milestone, by key.</summary>
    public IReadOnlyList<TargetToAssess> Targets() =>
        connection.Query<TargetToAssess>(dialect.Sql("attainment/targets"), transaction: tx).ToList();

    /// <summary>Removes every assessment (a run replaces them all).</summary>
    public void Clear() => connection.Execute(dialect.Sql("attainment/clear"), transaction: tx);

    /// <summary>Writes one assessment.</summary>
    public void Add(AttainmentFact row) => connection.Execute(dialect.Sql("attainment/add"), row, tx);
}
