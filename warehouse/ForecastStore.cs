using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>One observed yearly figure of a series, keyed the way facts are written (from <c>v_series</c>).</summary>
/// <remarks>Read models have settable properties, not positional constructors: Dapper then converts each engine's integer width
/// (int on SQL Server, bigint elsewhere) instead of demanding exact column types.</remarks>
public sealed record SeriesValue
{
    /// <summary>dim_region key.</summary>
    public long RegionKey { get; init; }
    /// <summary>dim_indicator key.</summary>
    public long IndicatorKey { get; init; }
    /// <summary>Calendar year.</summary>
    public long Year { get; init; }
    /// <summary>Value in the canonical unit.</summary>
    public double Value { get; init; }
    /// <summary>Kind of the source that won (statistics, published, illustrative).</summary>
    public string SourceKind { get; init; } = "";
}

/// <summary>One forecast year of a series, as stored in <c>fact_forecast</c>.</summary>
public sealed record ForecastYear(long RegionKey, long IndicatorKey, long PeriodKey, string Method, double Point, double Lo80, double Hi80,
    double Lo95, double Hi95, int Observations, int LastObservedYear, long BatchId);

/// <summary>Reads the yearly series and writes <c>fact_forecast</c>, inside the forecast run's transaction.</summary>
public sealed class ForecastStore(SqlDialect dialect, DbConnection connection, DbTransaction tx)
{
    /// <summary>Every yearly figure of every series, best source per year (<c>v_series</c>), by region, indicator and year.</summary>
    public IReadOnlyList<SeriesValue> Series() => connection.Query<SeriesValue>(dialect.Sql("forecasts/series"), transaction: tx).ToList();

    /// <summary>Removes every forecast (a run replaces them all).</summary>
    public void Clear() => connection.Execute(dialect.Sql("forecasts/clear"), transaction: tx);

    /// <summary>Writes one forecast year.</summary>
    public void Add(ForecastYear row) => connection.Execute(dialect.Sql("forecasts/add"), row, tx);
}
