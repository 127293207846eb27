using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>One stored figure of a series, for checks that compare a new figure with its neighbours.</summary>
public sealed record SeriesPoint(string Grain, long MonthFrom, long MonthTo, long Year, double Value, string SourceKind);

/// <summary>A published figure for a year or a January-to-month span.</summary>
public sealed record PublishedFigure(string RegionCode, string IndicatorCode, int Year, double Value, string SourceName, int MonthFrom,
    int MonthTo, string Measure);

/// <summary>Reads the figures the warehouse already holds for one region and indicator (every source, every grain).</summary>
public static class ObservationSeries
{
    /// <summary>All stored figures of a region and indicator, seen from inside the load's transaction (so rows written
    /// earlier in the same file count too).</summary>
    public static IReadOnlyList<SeriesPoint> Load(SqlDialect dialect, DbConnection c, DbTransaction tx, long regionKey, long indicatorKey) =>
        c.Query<(string, long, long, long, double, string)>(dialect.Sql("observations/series"), new { regionKey, indicatorKey }, tx)
            .Select(r => new SeriesPoint(r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6)).ToList();

    /// <summary>Every published figure for a whole year or for January to some month.</summary>
    public static IReadOnlyList<PublishedFigure> Published(SqlDialect dialect, DbConnection c) =>
        c.Query<(string, string, long, double, string, long, long, string)>(dialect.Sql("observations/published_anchors"))
            .Select(r => new PublishedFigure(r.Item1, r.Item2, (int)r.Item3, r.Item4, r.Item5, (int)r.Item6, (int)r.Item7, r.Item8)).ToList();
}
