using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A goal or milestone to assess.</summary>
public sealed record TargetToAssess
{
    /// <summary>fact_target key.</summary>
    public long TargetKey { get; init; }
    /// <summary>dim_region key.</summary>
    public long RegionKey { get; init; }
    /// <summary>dim_indicator key.</summary>
    public long IndicatorKey { get; init; }
    /// <summary>stock, annual, cumulative, increment, ratio or growth_rate.</summary>
    public string Measure { get; init; } = "";
    /// <summary>&gt;=, &lt;= or =.</summary>
    public string Comparator { get; init; } = "";
    /// <summary>Target value in the canonical unit.</summary>
    public double Value { get; init; }
    /// <summary>Year the target refers to.</summary>
    public long TargetYear { get; init; }
    /// <summary>First year a cumulative or increment target covers.</summary>
    public long SpanStart { get; init; }
    /// <summary>Last year it covers.</summary>
    public long SpanEnd { get; init; }
}

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
