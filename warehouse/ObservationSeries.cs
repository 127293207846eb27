using System.Data.Common;
using Dapper;

namespace Warehouse.Store;

/// <summary>One stored figure of a series, for checks that compare a new figure with its neighbours.</summary>
public sealed record SeriesPoint(string Grain, long MonthFrom, long MonthTo, long Year, double Value, string SourceKind);

/// <summary>Reads the figures the warehouse already holds for one region and indicator (every source, every grain).</summary>
public static class ObservationSeries
{
    /// <summary>All stored figures of a region and indicator, seen from inside the load's transaction (so rows written
    /// earlier in the same file count too).</summary>
    public static IReadOnlyList<SeriesPoint> Load(DbConnection c, DbTransaction tx, long regionKey, long indicatorKey) =>
        c.Query<SeriesPoint>("""
            SELECT p.grain AS Grain, p.month_from AS MonthFrom, p.month_to AS MonthTo, p.year AS Year, o.value AS Value, s.kind AS SourceKind
            FROM fact_observation o
            JOIN dim_period p ON p.period_key = o.period_key
            JOIN dim_source s ON s.source_key = o.source_key
            WHERE o.region_key = @regionKey AND o.indicator_key = @indicatorKey
            """, new { regionKey, indicatorKey }, tx).ToList();
}
