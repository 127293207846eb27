using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Forecasting;

/// <summary>Summary of a forecast run.</summary>
public sealed record ForecastRunResult(long BatchId, int Series, int ForecastRows, int Targets, IReadOnlyDictionary<string, int> ByStatus);

/// <summary>Forecasts every yearly series in the warehouse and assesses every goal and milestone: writes fact_forecast and
/// fact_attainment in one batch, replacing the previous run.</summary>
public sealed class ForecastRun(SqlDialect dialect)
{
    /// <summary>Years forecast past the last observation when no target asks for more.</summary>
    public const int MinimumHorizon = 3;

    /// <summary>Called after each series with (series done, series in all), for progress displays.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Runs the forecasts; the method defaults to the product's default combination.</summary>
    public ForecastRunResult Execute(IForecastMethod? method = null, string trigger = "cli")
    {
        method ??= MethodCatalog.Default();
        var log = new BatchLog(dialect);
        var batchId = log.Start("forecast", null, trigger);
        try
        {
            using var c = dialect.OpenReadWrite();
            using var tx = c.BeginTransaction();
            var forecastStore = new ForecastStore(dialect, c, tx);
            var attainmentStore = new AttainmentStore(dialect, c, tx);
            // v_series holds the one best-source rule, so the forecast sees the figures the briefing charts show.
            var obs = forecastStore.Series();
            // Defensive: a value that is not finite or a year outside the range (stored before the loaders checked) is left out
            // with a note, rather than crashing the run for the whole warehouse (year 10000) or poisoning a fit with NaN.
            var unusable = obs.Where(o => !double.IsFinite(o.Value) || !Periods.InRange(o.Year)).ToList();
            obs = obs.Except(unusable).ToList();
            var series = obs.GroupBy(o => (o.RegionKey, o.IndicatorKey))
                .ToDictionary(g => g.Key, g => g.ToDictionary(o => (int)o.Year, o => o.Value));
            var kinds = obs.ToDictionary(o => (o.RegionKey, o.IndicatorKey, (int)o.Year), o => o.SourceKind);
            var targets = attainmentStore.Targets();

            attainmentStore.Clear();
            forecastStore.Clear();
            // A method that learns from the collection (the default pools evidence across similar series) sees every series once.
            if (method is ICollectionMethod collective)
                method = collective.Prepare(series.Values.Where(v => v.Count > 0).Select(Contiguous).ToList(), MinimumHorizon);
            var forecasts = new Dictionary<(long, long), IntervalForecast?>();
            var rows = 0;
            var done = 0;
            foreach (var (key, values) in series)
            {
                Progress?.Invoke(done++, series.Count);
                var last = values.Keys.Max();
                var horizon = Math.Max(MinimumHorizon, targets
                    .Where(t => t.RegionKey == key.RegionKey && t.IndicatorKey == key.IndicatorKey)
                    .Select(t => (int)t.TargetYear - last).DefaultIfEmpty(0).Max());
                horizon = Math.Min(horizon, Periods.LastYear - last);
                if (horizon <= 0) { forecasts[key] = null; continue; }
                var y = Contiguous(values);
                if (y.Length < Calibration.MinimumLength) { forecasts[key] = null; continue; }
                var f = Calibration.Forecast(method, y, horizon);
                forecasts[key] = f;
                for (var k = 0; k < horizon; k++)
                {
                    var periodKey = Periods.Ensure(dialect, c, Period.OfYear(last + k + 1), tx);
                    forecastStore.Add(new ForecastYear(key.RegionKey, key.IndicatorKey, periodKey, method.Name,
                        Math.Clamp(f.Median?[k] ?? f.Mean[k], f.Lo80[k], f.Hi80[k]), f.Lo80[k], f.Hi80[k], f.Lo95[k], f.Hi95[k],
                        y.Length, last, batchId));
                    rows++;
                }
            }
            var byStatus = new Dictionary<string, int>();
            foreach (var t in targets)
            {
                var key = (t.RegionKey, t.IndicatorKey);
                var observed = series.GetValueOrDefault(key) ?? new Dictionary<int, double>();
                var spec = new TargetSpec(t.Measure, t.Comparator, t.Value, (int)t.TargetYear, (int)t.SpanStart, (int)t.SpanEnd);
                var a = Attainment.Assess(spec, observed, forecasts.GetValueOrDefault(key));
                byStatus[a.Status] = byStatus.GetValueOrDefault(a.Status) + 1;
                // The weakest source behind the figure: the achieved years, and the whole series when a forecast went in.
                var years = a.AchievedAsOf is { } asOf ? Attainment.YearsBehindAchieved(spec, asOf).ToList() : [];
                if (a.Forecast != null && a.Status is not ("met" or "missed")) years.AddRange(observed.Keys);
                var sourceKind = years.Select(y => kinds.GetValueOrDefault((t.RegionKey, t.IndicatorKey, y))).OfType<string>()
                    .OrderByDescending(SourceKinds.Rank).FirstOrDefault();
                attainmentStore.Add(new AttainmentFact(t.TargetKey, a.LatestYear, a.LatestValue, a.Achieved, a.AchievedAsOf, a.Progress,
                    a.Forecast, a.Lo80, a.Hi80, a.Lo95, a.Hi95, a.Probability, a.Gap, a.RequiredGrowth, a.Status, sourceKind, a.Note,
                    batchId));
            }
            Freshness.MarkFresh(dialect, c, tx, Freshness.Forecast);
            Progress?.Invoke(series.Count, series.Count);
            BatchLog.Succeed(dialect, c, tx, batchId, new BatchCounts(series.Count, rows, 0, rows + targets.Count,
                $"method {method.Name}; {series.Count} series; {targets.Count} targets; " + string.Join(", ", byStatus.Select(kv => $"{kv.Key} {kv.Value}"))
                + (unusable.Count > 0
                    ? $"; left out {unusable.Count} stored values that are not finite or lie outside {Periods.FirstYear}..{Periods.LastYear}"
                    : "")));
            tx.Commit();
            return new ForecastRunResult(batchId, series.Count, rows, targets.Count, byStatus);
        }
        catch (Exception ex)
        {
            log.Fail(batchId, ex.Message);
            throw;
        }
    }

    /// <summary>The series from its first to its last year; a gap year is filled by linear interpolation so methods see a regular series.</summary>
    public static double[] Contiguous(IReadOnlyDictionary<int, double> values)
    {
        int first = values.Keys.Min(), last = values.Keys.Max();
        var y = new double[last - first + 1];
        for (var year = first; year <= last; year++)
        {
            if (values.TryGetValue(year, out var v)) { y[year - first] = v; continue; }
            var prev = values.Keys.Where(k => k < year).Max();
            var next = values.Keys.Where(k => k > year).Min();
            y[year - first] = values[prev] + (values[next] - values[prev]) * (year - prev) / (next - prev);
        }
        return y;
    }
}
