using Dapper;
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
            var obs = c.Query<(long Region, long Indicator, long Year, double Value, string Kind)>($"""
                SELECT region_key, indicator_key, year, value, kind FROM (
                    SELECT o.region_key, o.indicator_key, p.year, o.value, s.kind,
                           ROW_NUMBER() OVER (PARTITION BY o.region_key, o.indicator_key, p.year ORDER BY {SourceKinds.RankSql("s.kind")}, o.observation_key DESC) AS rn
                    FROM fact_observation o JOIN dim_period p USING (period_key) JOIN dim_source s USING (source_key)
                    WHERE p.grain = 'year') WHERE rn = 1
                """, transaction: tx).ToList();
            // Defensive: a value that is not finite or a year outside the range (stored before the loaders checked) is left out
            // with a note, rather than crashing the run for the whole warehouse (year 10000) or poisoning a fit with NaN.
            var unusable = obs.Where(o => !double.IsFinite(o.Value) || !Periods.InRange(o.Year)).ToList();
            obs = obs.Except(unusable).ToList();
            var series = obs.GroupBy(o => (o.Region, o.Indicator)).ToDictionary(g => g.Key, g => g.ToDictionary(o => (int)o.Year, o => o.Value));
            var kinds = obs.ToDictionary(o => (o.Region, o.Indicator, (int)o.Year), o => o.Kind);
            var targets = c.Query<(long Key, long Region, long Indicator, string Measure, string Comparator, double Value, long Year, long SpanStart, long SpanEnd)>("""
                SELECT target_key, region_key, indicator_key, measure, comparator, value, target_year, span_start_year, span_end_year
                FROM fact_target WHERE target_kind IN ('goal', 'milestone')
                """, transaction: tx).ToList();

            c.Execute("DELETE FROM fact_attainment; DELETE FROM fact_forecast;", transaction: tx);
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
                var horizon = Math.Max(MinimumHorizon, targets.Where(t => t.Region == key.Region && t.Indicator == key.Indicator).Select(t => (int)t.Year - last).DefaultIfEmpty(0).Max());
                horizon = Math.Min(horizon, Periods.LastYear - last);
                if (horizon <= 0) { forecasts[key] = null; continue; }
                var y = Contiguous(values);
                if (y.Length < Calibration.MinimumLength) { forecasts[key] = null; continue; }
                var f = Calibration.Forecast(method, y, horizon);
                forecasts[key] = f;
                for (var k = 0; k < horizon; k++)
                {
                    var periodKey = Periods.Ensure(c, Period.OfYear(last + k + 1), tx);
                    c.Execute("""
                        INSERT INTO fact_forecast (region_key, indicator_key, period_key, method, point, lo80, hi80, lo95, hi95, n_observations, last_observed_year, batch_id)
                        VALUES (@r, @i, @p, @m, @point, @lo80, @hi80, @lo95, @hi95, @n, @last, @batchId)
                        """, new { r = key.Region, i = key.Indicator, p = periodKey, m = method.Name, point = Math.Clamp(f.Median?[k] ?? f.Mean[k], f.Lo80[k], f.Hi80[k]), lo80 = f.Lo80[k], hi80 = f.Hi80[k],
                            lo95 = f.Lo95[k], hi95 = f.Hi95[k], n = y.Length, last, batchId }, tx);
                    rows++;
                }
            }
            var byStatus = new Dictionary<string, int>();
            foreach (var t in targets)
            {
                var key = (t.Region, t.Indicator);
                var observed = series.GetValueOrDefault(key) ?? new Dictionary<int, double>();
                var spec = new TargetSpec(t.Measure, t.Comparator, t.Value, (int)t.Year, (int)t.SpanStart, (int)t.SpanEnd);
                var a = Attainment.Assess(spec, observed, forecasts.GetValueOrDefault(key));
                byStatus[a.Status] = byStatus.GetValueOrDefault(a.Status) + 1;
                // The weakest source behind the figure: the achieved years, and the whole series when a forecast went in.
                var years = a.AchievedAsOf is { } asOf ? Attainment.YearsBehindAchieved(spec, asOf).ToList() : [];
                if (a.Forecast != null && a.Status is not ("met" or "missed")) years.AddRange(observed.Keys);
                var sourceKind = years.Select(y => kinds.GetValueOrDefault((t.Region, t.Indicator, y))).OfType<string>()
                    .OrderByDescending(SourceKinds.Rank).FirstOrDefault();
                c.Execute("""
                    INSERT INTO fact_attainment (target_key, latest_year, latest_value, achieved, achieved_as_of, progress, forecast_value, forecast_lo80,
                        forecast_hi80, forecast_lo95, forecast_hi95, probability_met, gap, required_growth, status, source_kind, note, batch_id)
                    VALUES (@Key, @LatestYear, @LatestValue, @Achieved, @AchievedAsOf, @Progress, @Forecast, @Lo80, @Hi80, @Lo95, @Hi95, @Probability,
                        @Gap, @RequiredGrowth, @Status, @sourceKind, @Note, @batchId)
                    """, new { t.Key, a.LatestYear, a.LatestValue, a.Achieved, a.AchievedAsOf, a.Progress, a.Forecast, a.Lo80, a.Hi80, a.Lo95, a.Hi95,
                        a.Probability, a.Gap, a.RequiredGrowth, a.Status, sourceKind, a.Note, batchId }, tx);
            }
            Freshness.MarkFresh(c, tx, Freshness.Forecast);
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
