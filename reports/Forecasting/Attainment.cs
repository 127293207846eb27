
using MathNet.Numerics.Distributions;

namespace Warehouse.Reports.Forecasting;

/// <summary>A target as attainment needs it.</summary>
public sealed record TargetSpec(string Measure, string Comparator, double Value, int TargetYear, int SpanStart, int SpanEnd);

/// <summary>What the forecast says about one target.</summary>
public sealed record AttainmentResult(string Status, int? LatestYear, double? LatestValue, double? Progress, double? Forecast,
    double? Lo80, double? Hi80, double? Lo95, double? Hi95, double? Probability, double? Gap, double? RequiredGrowth, string Note,
    double? Achieved = null, int? AchievedAsOf = null);

/// <summary>Turns a yearly series and its forecast into the chance of meeting a target, for each kind of measure.</summary>
/// <remarks>
/// Stock, ratio and annual targets compare the level in the target year; cumulative targets the sum over the span
/// (observed years plus forecast years); increment targets the change from the year before the span to its last year.
/// The forecast distribution is centred on the median the series' own rolling-origin errors point to (<see cref="IntervalForecast.Median"/>)
/// and reproduces both calibrated intervals, 80% and 95% (<see cref="PredictiveDistribution"/>); for sums the yearly errors
/// accumulate (<see cref="SumSigma"/>), for each interval's scale alike.
/// Status: met / missed when the target year is already observed; otherwise on_track when P ≥ 75%, at_risk when 40% ≤ P &lt; 75%,
/// off_track when P &lt; 40%.
/// Achieved is read in the target's own sense, up to the last observed year within the target's span (achieved_as_of):
/// the level for stock, ratio and annual targets; the sum since the span's first year for cumulative ones; the change since the
/// year before the span for increments. Progress is achieved / target, so the printed % and the target always speak of one thing.
/// </remarks>
public static class Attainment
{
    /// <summary>Probability thresholds of the statuses.</summary>
    public const double OnTrack = 0.75, AtRisk = 0.40;

    /// <summary>Assesses one target against observations (year → value) and a forecast starting the year after the last observation.</summary>
    public static AttainmentResult Assess(TargetSpec t, IReadOnlyDictionary<int, double> observed, IntervalForecast? forecast)
    {
        if (!Measures.Contains(t.Measure))
            return new AttainmentResult("not_assessed", null, null, null, null, null, null, null, null, null, null, null,
                $"暂不评估此类目标（{t.Measure}）/ targets of measure {t.Measure} are not assessed");
        if (observed.Count == 0)
            return new AttainmentResult("insufficient_data", null, null, null, null, null, null, null, null, null, null, null, "没有观测数据 / no observations");
        var lastYear = observed.Keys.Max();
        var latest = observed[lastYear];
        var (achieved, asOf) = Achieved(t, observed);
        AttainmentResult Result(string status, double? progress, double? fc, double? lo80, double? hi80, double? lo95, double? hi95, double? p,
            double? gap, double? req, string note) =>
            new(status, lastYear, latest, progress, fc, lo80, hi80, lo95, hi95, p, gap, req, note, achieved, asOf);
        double? progress = achieved is { } ach && t.Value != 0 ? ach / t.Value : null;
        int span0 = t.Measure is "cumulative" ? t.SpanStart : t.TargetYear, span1 = t.TargetYear;

        // Values needed year by year: observed where we have them, else the forecast (mean and σ).
        var needed = t.Measure switch
        {
            "cumulative" => Enumerable.Range(span0, span1 - span0 + 1).ToList(),
            "increment" => [t.SpanStart - 1, t.TargetYear],
            _ => [t.TargetYear],
        };
        var values = new List<(double Mean, double Sigma, double Sigma80, double Lo80, double Hi80, double Lo95, double Hi95)>();
        foreach (var y in needed)
        {
            if (observed.TryGetValue(y, out var v)) { values.Add((v, 0, 0, v, v, v, v)); continue; }
            if (y < lastYear)
                return Result("insufficient_data", progress, null, null, null, null, null, null, null, null, $"缺少 {y} 年观测 / no observation for {y}");
            var k = y - lastYear - 1;
            if (forecast == null || k >= forecast.Mean.Length)
                return Result("insufficient_data", progress, null, null, null, null, null, null, null, null,
                    $"观测值太少，无法预测（至少 {Calibration.MinimumLength} 年）/ too few observations to forecast (need {Calibration.MinimumLength} years)");
            values.Add((forecast.Mean[k], Calibration.SigmaFrom95(forecast.Mean[k], forecast.Lo95[k], forecast.Hi95[k]),
                Calibration.SigmaFrom80(forecast.Mean[k], forecast.Lo80[k], forecast.Hi80[k]),
                forecast.Lo80[k], forecast.Hi80[k], forecast.Lo95[k], forecast.Hi95[k]));
        }

        double mean, sigma, sigma80, lo80, hi80, lo95, hi95;
        if (t.Measure == "increment")
        {
            var (b, e) = (values[0], values[1]);
            (mean, sigma, sigma80) = (e.Mean - b.Mean, e.Sigma + b.Sigma, e.Sigma80 + b.Sigma80);
            (lo80, hi80, lo95, hi95) = (e.Lo80 - b.Mean, e.Hi80 - b.Mean, e.Lo95 - b.Mean, e.Hi95 - b.Mean);
        }
        else
        {
            mean = values.Sum(v => v.Mean);
            sigma = SumSigma(values.Select(v => v.Sigma).ToList());
            sigma80 = SumSigma(values.Select(v => v.Sigma80).ToList());
            (lo80, hi80, lo95, hi95) = (values.Sum(v => v.Lo80), values.Sum(v => v.Hi80), values.Sum(v => v.Lo95), values.Sum(v => v.Hi95));
        }

        var higher = t.Comparator != "<=";
        var gap = higher ? t.Value - mean : mean - t.Value;
        var remaining = t.TargetYear - lastYear;
        double? required = remaining <= 0 || latest <= 0 ? null : t.Measure switch
        {
            "cumulative" => (t.Value - Enumerable.Range(span0, span1 - span0 + 1).Where(observed.ContainsKey).Sum(y => observed[y])) / remaining / latest - 1,
            "increment" => null,
            _ => Math.Pow(t.Value / latest, 1.0 / remaining) - 1,
        };

        if (sigma == 0)
        {
            var met = higher ? mean >= t.Value : mean <= t.Value;
            return Result(met ? "met" : "missed", progress, mean, lo80, hi80, lo95, hi95, met ? 1 : 0, gap, required,
                met ? "已实现（观测值）/ met on observed figures" : "未实现（观测值）/ missed on observed figures");
        }
        // One predictive distribution behind every number printed beside the probability: its centre is the forecast shown and
        // the 80% / 95% ranges shown are its quantiles, so "forecast below target" never comes with a probability above 50%, nor a
        // target beyond the 80% range with more than 10%.
        var centre = mean + MedianShift(t.Measure, needed, lastYear, forecast);
        var floor = lo95 >= 0 ? values.Where(v => v.Sigma == 0).Sum(v => t.Measure == "increment" ? 0 : v.Mean) : double.NegativeInfinity;
        var outcome = new PredictiveDistribution(centre, sigma80 * PredictiveDistribution.Z80, sigma * 1.96);
        double Quantile(double q) => Math.Max(floor, outcome.Quantile(q));
        (lo80, hi80, lo95, hi95) = (Quantile(0.10), Quantile(0.90), Quantile(0.025), Quantile(0.975));
        gap = higher ? t.Value - centre : centre - t.Value;
        var p = outcome.Exceedance(t.Value, higher);
        var status = p >= OnTrack ? "on_track" : p >= AtRisk ? "at_risk" : "off_track";
        return Result(status, progress, centre, lo80, hi80, lo95, hi95, p, gap, required, "");
    }

    /// <summary>Measures this code can assess.</summary>
    public static readonly IReadOnlySet<string> Measures = new HashSet<string> { "stock", "ratio", "annual", "cumulative", "increment" };

    /// <summary>What has been achieved in the target's own sense, and the last year that figure covers; null when a year it needs is
    /// missing (a partial sum would understate it).</summary>
    public static (double? Achieved, int? AsOf) Achieved(TargetSpec t, IReadOnlyDictionary<int, double> observed)
    {
        var years = observed.Keys.Where(y => y <= t.TargetYear).ToList();
        if (years.Count == 0) return (null, null);
        var asOf = years.Max();
        switch (t.Measure)
        {
            case "cumulative":
                if (asOf < t.SpanStart) return (null, null);
                var span = Enumerable.Range(t.SpanStart, asOf - t.SpanStart + 1).ToList();
                return span.All(observed.ContainsKey) ? (span.Sum(y => observed[y]), asOf) : (null, asOf);
            case "increment":
                if (asOf < t.SpanStart) return (null, null);
                return observed.TryGetValue(t.SpanStart - 1, out var before) ? (observed[asOf] - before, asOf) : (null, asOf);
            default:
                return (observed[asOf], asOf);
        }
    }

    /// <summary>The years whose observations went into <see cref="Achieved"/> (for the weakest-source rule).</summary>
    public static IEnumerable<int> YearsBehindAchieved(TargetSpec t, int asOf) => t.Measure switch
    {
        "cumulative" => Enumerable.Range(t.SpanStart, Math.Max(0, asOf - t.SpanStart + 1)),
        "increment" => [t.SpanStart - 1, asOf],
        _ => [asOf],
    };
    /// <summary>How far the forecast distribution's median lies from the point forecasts over the forecast years needed
    /// (increments subtract the base year's): outcomes that historically fell above the forecast shift the probability up.</summary>
    private static double MedianShift(string measure, IReadOnlyList<int> years, int lastYear, IntervalForecast? forecast)
    {
        if (forecast?.Median is not { } median) return 0;
        double Shift(int year) => year > lastYear && year - lastYear - 1 < median.Length ? median[year - lastYear - 1] - forecast.Mean[year - lastYear - 1] : 0;
        return measure == "increment" ? Shift(years[1]) - Shift(years[0]) : years.Sum(Shift);
    }

    /// <summary>σ of a sum of yearly values whose forecast errors accumulate (each year's error is the year before's plus an
    /// independent shock, so Cov(e_j, e_k) = min(σ_j, σ_k)²): between independent years (too narrow) and fully correlated
    /// ones (too wide; checked against held-out outcomes by forecast-eval --attainment). Observed years have σ = 0.</summary>
    public static double SumSigma(IReadOnlyList<double> sigmas)
    {
        double variance = 0;
        for (var j = 0; j < sigmas.Count; j++)
            for (var k = 0; k < sigmas.Count; k++)
                variance += Math.Pow(Math.Min(sigmas[j], sigmas[k]), 2);
        return Math.Sqrt(variance);
    }
}
