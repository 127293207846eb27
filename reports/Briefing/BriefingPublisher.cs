using Warehouse.Reports.Forecasting;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Briefing;

/// <summary>A briefing that must not be published, and why.</summary>
public sealed class BriefingRefusedException(string message) : InvalidOperationException(message);

/// <summary>The one way a briefing is published, by `report`, `run` and the scheduled job alike: stale forecasts are
/// refreshed first, and a briefing whose statements would be false (goals unassessed, or assessed on older data) is refused.</summary>
public static class BriefingPublisher
{
    /// <summary>Refreshes stale forecasts, checks readiness, writes the briefing; <paramref name="say"/> hears what it did.</summary>
    /// <exception cref="BriefingRefusedException">The warehouse cannot support a true briefing; nothing was written.</exception>
    /// <param name="regions">Region codes, names or aliases (default: every region with goals).</param>
    /// <param name="lang">Language of charts and workbook (default Chinese).</param>
    public static BriefingOutput Publish(SqlDialect dialect, string outDir, string trigger, int? year = null, DateOnly? today = null,
        Action<string>? say = null, IReadOnlyList<string>? regions = null, Lang? lang = null)
    {
        if (Freshness.Read(dialect, Freshness.Forecast) is { } stale)
        {
            say?.Invoke($"预测已过期，先重新预测 / forecasts stale since {stale.Since} ({stale.Reason}): refreshing first");
            var r = new ForecastRun(dialect).Execute(trigger: trigger);
            say?.Invoke($"预测 / forecast: {r.Series} series, {r.Targets} targets (batch {r.BatchId})");
        }
        if (BriefingReadiness.Read(dialect).Refusal() is { } why)
            throw new BriefingRefusedException("简报未发布 / briefing refused: " + why);
        return BriefingWriter.Write(dialect, outDir, year, today, regions, lang);
    }
}
