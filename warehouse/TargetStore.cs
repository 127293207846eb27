using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>A target row as a plan loader writes it.</summary>
public sealed record NewTarget(long RegionKey, long IndicatorKey, string Kind, string Measure, string Comparator, double Value,
    int TargetYear, int SpanStart, int SpanEnd, string Evidence, int Offset);

/// <summary>What identifies a stored target's content, to count what a re-load changed.</summary>
public readonly record struct TargetContent(string IndicatorCode, string Kind, long TargetYear, long SpanStart, double Value, string Measure,
    string Comparator);

/// <summary>A plan baseline for a single year.</summary>
public sealed record BaselineFigure(string RegionCode, string IndicatorCode, int Year, double Value, string SourceDocument);

/// <summary>Rows of <c>fact_target</c>: a plan document's goals, milestones and baselines, replaced whole when it is loaded again.</summary>
public static class TargetStore
{
    /// <summary>The content of every target row of a source.</summary>
    public static HashSet<TargetContent> Contents(SqlDialect dialect, DbConnection c, DbTransaction tx, long sourceKey) =>
        c.Query<(string, string, long, long, double, string, string)>(dialect.Sql("targets/by_source"), new { sourceKey }, tx)
            .Select(r => new TargetContent(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6, r.Item7)).ToHashSet();

    /// <summary>Removes every target row of a source (their attainment rows go with them).</summary>
    public static void DeleteSource(SqlDialect dialect, DbConnection c, DbTransaction tx, long sourceKey) =>
        c.Execute(dialect.Sql("targets/delete_by_source"), new { sourceKey }, tx);

    /// <summary>Writes a source's target rows with one prepared insert.</summary>
    public static void Add(SqlDialect dialect, DbConnection c, DbTransaction tx, long sourceKey, long batchId, IEnumerable<NewTarget> rows)
    {
        using var insert = new PreparedStatement(dialect, c, tx, "targets/add", "region", "indicator", "source", "kind", "measure",
            "comparator", "value", "targetYear", "spanStart", "spanEnd", "evidence", "offset", "batch");
        foreach (var t in rows)
            insert.Run(t.RegionKey, t.IndicatorKey, sourceKey, t.Kind, t.Measure, t.Comparator, t.Value, t.TargetYear, t.SpanStart, t.SpanEnd,
                t.Evidence, t.Offset, batchId);
    }

    /// <summary>Plan baselines for a single year of level-like measures (stock, ratio, annual).</summary>
    public static IReadOnlyList<BaselineFigure> Baselines(SqlDialect dialect, DbConnection c) =>
        c.Query<(string, string, long, double, string)>(dialect.Sql("targets/baseline_anchors"))
            .Select(r => new BaselineFigure(r.Item1, r.Item2, (int)r.Item3, r.Item4, r.Item5)).ToList();
}
