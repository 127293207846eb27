using Warehouse.Reports.Forecasting;

namespace Warehouse.Tests;

public class ForecastMethodTests
{
    [Fact]
    public void Naive_and_drift_match_hand_computed_values()
    {
        double[] y = [1, 2, 4, 7];
        Assert.Equal([7.0, 7.0], new Naive().Forecast(y, 2).Mean);
        Assert.Equal([9.0, 11.0], new RandomWalkDrift().Forecast(y, 2).Mean); // drift = (7 − 1) / 3 = 2
    }

    [Fact]
    public void Exponential_smoothing_reproduces_a_constant_and_extrapolates_an_exact_line()
    {
        var flat = new ExponentialSmoothing(ExponentialSmoothing.Trend.None).Forecast([5, 5, 5, 5, 5, 5], 3);
        Assert.All(flat.Mean, m => Assert.Equal(5, m, 6));
        var line = Enumerable.Range(0, 10).Select(t => 3.0 + 2 * t).ToArray(); // 3, 5, …, 21
        var holt = new ExponentialSmoothing(ExponentialSmoothing.Trend.Linear).Forecast(line, 3);
        Assert.Equal([23.0, 25.0, 27.0], holt.Mean.Select(m => Math.Round(m, 3)));
        var damped = new ExponentialSmoothing(ExponentialSmoothing.Trend.Damped);
        var d = damped.Forecast(line, 3);
        Assert.InRange(damped.Parameters.Phi, 0.8, 0.98);
        Assert.True(d.Mean[0] > 21 && d.Mean[2] < 27, "a damped trend grows, but less than the line");
    }

    [Fact]
    public void Theta_is_ses_plus_half_the_regression_slope_with_the_hyndman_billah_drift()
    {
        double[] y = [10, 12, 11, 14, 15, 17, 16, 19];
        var ses = new ExponentialSmoothing(ExponentialSmoothing.Trend.None);
        var s = ses.Forecast(y, 2);
        var a = ses.Parameters.Alpha;
        var (_, slope) = MathNet.Numerics.Fit.Line(Enumerable.Range(1, y.Length).Select(i => (double)i).ToArray(), y);
        var expected = Enumerable.Range(1, 2).Select(h => s.Mean[h - 1] + slope / 2 * (h - 1 + 1 / a - Math.Pow(1 - a, y.Length) / a));
        Assert.Equal(expected.Select(v => Math.Round(v, 6)), new Theta().Forecast(y, 2).Mean.Select(v => Math.Round(v, 6)));
    }

    [M3Fact]
    public void Scores_on_M3_yearly_match_R_forecast_for_the_methods_R_computes_identically_and_the_default_beats_them()
    {
        // R forecast 8.20 on the same file (../shared/data/m3yearly/r_forecast_8.20_results.md): naive 17.880 / 3.172, rwf drift 16.790, ses 17.757.
        var rows = Benchmark.Run(M3.All, 6, [new Naive(), new RandomWalkDrift(), new ExponentialSmoothing(ExponentialSmoothing.Trend.None), MethodCatalog.Default()]);
        Assert.Equal(17.880, rows[0].Smape, 2);
        Assert.Equal(3.172, rows[0].Mase, 2);
        Assert.Equal(16.790, rows[1].Smape, 2);
        Assert.Equal(17.757, rows[2].Smape, 2);
        var warehouse = rows[3];
        Assert.True(warehouse.Smape <= 16.0 && warehouse.Mase < 2.774, $"default sMAPE {warehouse.Smape:0.000} (≤ 16.0), MASE {warehouse.Mase:0.000} (< R's Theta 2.774)");
        Assert.InRange(warehouse.Coverage95, 0.92, 0.97);
        Assert.InRange(warehouse.Coverage80, 0.77, 0.85);
    }
}

public class AdaptiveCombinationTests
{
    [Fact]
    public void A_steady_trend_gives_the_trend_methods_the_weight_and_naive_almost_none()
    {
        var rng = new Random(5);
        var y = Enumerable.Range(0, 20).Select(t => 100 + 5.0 * t + rng.NextDouble()).ToArray();
        var m = new AdaptiveCombination();
        var w = m.Weights(y, 3);
        var names = m.MemberNames.ToList();
        Assert.All(w, step => Assert.Equal(1, step.Sum(), 9));
        Assert.True(w[2][names.IndexOf("rw_drift")] > 5 * w[2][names.IndexOf("naive")], string.Join(", ", names.Select((n, j) => $"{n} {w[2][j]:0.000}")));
        var f = m.Forecast(y, 3);
        Assert.InRange(f.Mean[0], y[^1] + 3, y[^1] + 7);
    }

    [Fact]
    public void With_four_origins_the_80_percent_width_stops_short_of_the_largest_error_and_the_95_percent_keeps_its_floor()
    {
        // Eight years give 4 origins; the corrected 80% level would be 1.0 — the largest of all errors, as wide as the 95% one.
        double[] y = [10, 13, 11, 16, 14, 19, 15, 21];
        var naive = new Naive();
        var scale = Stats.MeanAbsDiff(y);
        var errors = new List<double>();
        for (var o = 4; o < y.Length; o++)
            for (var k = 1; k <= Math.Min(3, y.Length - o); k++) errors.Add(Math.Abs(y[o + k - 1] - y[o - 1]) / (scale * k));
        var largest = errors.Max() * scale;
        var f = Calibration.Forecast(naive, y, 3);
        Assert.True(f.Hi80[0] - f.Mean[0] < 0.99 * largest, $"80% half-width {f.Hi80[0] - f.Mean[0]:0.00}, largest error {largest:0.00}");
        Assert.True(f.Hi95[0] - f.Mean[0] >= 1.53 * largest - 1e-9);
    }

    [Fact]
    public void A_noisy_but_persistent_trend_leaves_naive_and_ses_a_small_share_not_a_tenth_each()
    {
        // Naive and SES are about twice as wrong here; inverse squared scores still gave them ~10% each, which drags the
        // forecast towards a flat line. The softmax leaves them little.
        var rng = new Random(3);
        var y = Enumerable.Range(0, 20).Select(t => 100 + 5.0 * t + 8 * (rng.NextDouble() - 0.5)).ToArray();
        var m = new AdaptiveCombination();
        var names = m.MemberNames.ToList();
        var w = m.Weights(y, 3);
        var flat = w[2][names.IndexOf("naive")] + w[2][names.IndexOf("ses")];
        Assert.True(flat < 0.08, string.Join(", ", names.Select((n, j) => $"{n} {w[2][j]:0.000}")));
        // A hotter softmax spreads the weight again: the temperature is what decides.
        var hot = new AdaptiveCombination(new AdaptiveSettings { Temperature = 5 }).Weights(y, 3);
        Assert.True(hot[2][names.IndexOf("naive")] + hot[2][names.IndexOf("ses")] > 0.25);
    }

    [Fact]
    public void Steps_too_far_ahead_to_have_been_scored_borrow_the_scored_steps_evidence_instead_of_equal_weights()
    {
        // Eight points: only steps 1 and 2 have three scored origins; steps 3–6 used to get equal weights (naive 1/6).
        var y = Enumerable.Range(0, 8).Select(t => 10 + 3.0 * t + (t % 2)).ToArray();
        var m = new AdaptiveCombination();
        var names = m.MemberNames.ToList();
        var w = m.Weights(y, 6);
        Assert.All(w.Skip(2), step => Assert.True(step[names.IndexOf("naive")] < 0.05, $"naive {step[names.IndexOf("naive")]:0.000}"));
    }

    [Fact]
    public void A_level_series_with_noise_leans_on_the_level_methods_not_on_holt()
    {
        var rng = new Random(7);
        var y = Enumerable.Range(0, 24).Select(_ => 50 + 10 * (rng.NextDouble() - 0.5)).ToArray();
        var m = new AdaptiveCombination();
        var w = m.Weights(y, 3);
        var names = m.MemberNames.ToList();
        Assert.True(w[2][names.IndexOf("ses")] > w[2][names.IndexOf("holt")], string.Join(", ", names.Select((n, j) => $"{n} {w[2][j]:0.000}")));
    }

    [Fact]
    public void Pooling_with_similar_series_moves_the_weights_towards_what_worked_for_them()
    {
        // Thirty trending series teach the pool that drift works; a short series alone has little evidence of its own.
        var rng = new Random(11);
        var collection = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 16).Select(t => 10 + 2.0 * t + 2 * (rng.NextDouble() - 0.5)).ToArray()).ToList();
        var shortOne = Enumerable.Range(0, 9).Select(t => 10 + 2.0 * t + 2 * (rng.NextDouble() - 0.5)).ToArray();
        var alone = new AdaptiveCombination();
        var pooled = (AdaptiveCombination)alone.Prepare([.. collection, shortOne], 3);
        var drift = alone.MemberNames.ToList().IndexOf("rw_drift");
        Assert.True(pooled.Weights(shortOne, 3)[2][drift] > alone.Weights(shortOne, 3)[2][drift]);
        // Too small a collection to pool: the same forecasts as without one.
        var few = (AdaptiveCombination)alone.Prepare(collection.Take(AdaptiveCombination.MinimumCollection - 1).ToList(), 3);
        Assert.Equal(alone.Forecast(shortOne, 3).Mean, few.Forecast(shortOne, 3).Mean);
    }

    [Fact]
    public void A_series_scored_from_many_origins_leans_on_its_own_evidence_and_a_short_one_on_its_neighbours()
    {
        // The pool (thirty steady growers) says drift; a level series with noise says otherwise. Its own errors count
        // n / (n + PooledErrors): ten at step 1 on the 24-year series, four on its last 8 years. The shorter view of the
        // same series must be pulled further towards the pool than the longer one (a fixed half-and-half pulled both alike).
        var rng = new Random(13);
        var collection = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 16).Select(t => 10 + 2.0 * t + 2 * (rng.NextDouble() - 0.5)).ToArray()).ToList();
        var level = Enumerable.Range(0, 24).Select(_ => 50 + 10 * (rng.NextDouble() - 0.5)).ToArray();
        var lastEight = level[^8..];
        var all = new List<double[]>([.. collection, level, lastEight]);
        var alone = new AdaptiveCombination();
        var pooled = (AdaptiveCombination)alone.Prepare(all, 1);
        var poolOnly = (AdaptiveCombination)new AdaptiveCombination(new AdaptiveSettings { PooledErrors = 1e12 }).Prepare(all, 1);
        var names = alone.MemberNames.ToList();
        int ses = names.IndexOf("ses"), drift = names.IndexOf("rw_drift");
        // Softmax weights: log(w_ses / w_drift) is linear in the scores, so it shows the share the series' own evidence got.
        double LogRatio(AdaptiveCombination m, double[] y) { var w = m.Weights(y, 1)[0]; return Math.Log(w[ses] / w[drift]); }
        double OwnShare(double[] y) => (LogRatio(pooled, y) - LogRatio(poolOnly, y)) / (LogRatio(alone, y) - LogRatio(poolOnly, y));
        var pooledErrors = new AdaptiveSettings().PooledErrors;
        Assert.Equal(10 / (10 + pooledErrors), OwnShare(level), 6);
        Assert.Equal(4 / (4 + pooledErrors), OwnShare(lastEight), 6);
        // Without a collection the series' own evidence is all there is, whatever the setting.
        Assert.Equal(alone.Weights(level, 1)[0], new AdaptiveCombination(new AdaptiveSettings { PooledErrors = 1000 }).Weights(level, 1)[0]);
    }

    [Fact]
    public void Volatility_tells_a_smooth_aggregate_from_a_noisy_series_with_the_same_changes()
    {
        // The same yearly changes around a level of 10 000 and of 100: trend strength, persistence and length agree, so
        // without volatility the two were perfect neighbours; the features must set them apart.
        var rng = new Random(17);
        var changes = Enumerable.Range(0, 15).Select(_ => 3 + 4 * (rng.NextDouble() - 0.5)).ToArray();
        double[] Path(double start) { var y = new double[16]; y[0] = start; for (var t = 1; t < 16; t++) y[t] = y[t - 1] + changes[t - 1]; return y; }
        var smooth = AdaptiveCombination.Features(Path(10_000));
        var noisy = AdaptiveCombination.Features(Path(100));
        Assert.All(Enumerable.Range(0, 3), j => Assert.Equal(smooth[j], noisy[j], 9));
        Assert.Equal(4, smooth.Length);
        Assert.True(noisy[3] - smooth[3] > 3, $"log volatility {smooth[3]:0.00} vs {noisy[3]:0.00}");
        Assert.All(AdaptiveCombination.Features([5, 5, 5, 5, 5]).Concat(AdaptiveCombination.Features([0, 0, 0, 0])), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Awkward_series_get_finite_forecasts_and_intervals_alone_and_in_a_collection()
    {
        double[][] awkward =
        [
            [5, 5, 5, 5, 5, 5, 5, 5], [0, 0, 0, 0, 1, 0, 0], [-3, -1, -4, -2, -6, -5], [1, 2, 3, 4], [1e9, 1.1e9, 1.3e9, 1.2e9, 1.5e9],
            [0, 10, 0, 10, 0, 10, 0, 10, 0, 10], Enumerable.Range(0, 45).Select(t => Math.Exp(0.1 * t)).ToArray(),
        ];
        var collection = awkward.Concat(Enumerable.Range(0, 25).Select(i => Enumerable.Range(0, 12).Select(t => 100.0 + i * t).ToArray())).ToList();
        foreach (var method in new[] { MethodCatalog.Default(), ((ICollectionMethod)MethodCatalog.Default()).Prepare(collection, 6) })
            foreach (var y in awkward)
            {
                var f = Calibration.Forecast(method, y, 6);
                Assert.All(f.Mean.Concat(f.Lo80).Concat(f.Hi80).Concat(f.Lo95).Concat(f.Hi95).Concat(f.Median!), v => Assert.True(double.IsFinite(v)));
                Assert.All(Enumerable.Range(0, 6), k => Assert.True(f.Lo95[k] <= f.Lo80[k] && f.Lo80[k] <= f.Hi80[k] && f.Hi80[k] <= f.Hi95[k]));
            }
    }

    [Fact]
    public void Rolling_forecasts_match_forecasting_each_prefix_afresh()
    {
        var y = Enumerable.Range(0, 15).Select(t => 20 + 3.0 * t + (t % 3)).ToArray();
        var m = new AdaptiveCombination();
        var first = y.Length - Calibration.MaxOrigins;
        var rolled = m.ForecastFromOrigins(y, 2, first);
        Assert.Equal(Calibration.MaxOrigins + 1, rolled.Count);
        // The last entry is the real forecast; an earlier origin's forecast is what the method said then, from the errors it had.
        Assert.Equal(m.Forecast(y, 2).Mean, rolled[^1].Mean);
        Assert.Equal(new AdaptiveCombination().ForecastFromOrigins(y[..12], 2, first)[^1].Mean, rolled[12 - first].Mean);
    }
}

public class CalibrationTests
{
    [Fact]
    public void Stated_95_and_80_percent_intervals_cover_about_that_share_of_simulated_random_walks()
    {
        var rng = new Random(42);
        int points = 0, in95 = 0, in80 = 0;
        for (var s = 0; s < 300; s++)
        {
            var drift = rng.NextDouble() * 2;
            var y = new double[20];
            y[0] = 100;
            for (var t = 1; t < y.Length; t++) y[t] = y[t - 1] + drift + 3 * Normal(rng);
            var f = Calibration.Forecast(MethodCatalog.Default(), y[..14], 6);
            for (var k = 0; k < 6; k++)
            {
                points++;
                if (y[14 + k] >= f.Lo95[k] && y[14 + k] <= f.Hi95[k]) in95++;
                if (y[14 + k] >= f.Lo80[k] && y[14 + k] <= f.Hi80[k]) in80++;
            }
        }
        Assert.InRange((double)in95 / points, 0.90, 0.995);
        Assert.InRange((double)in80 / points, 0.72, 0.95);
    }

    [Fact]
    public void Quantiles_of_errors_in_blocks_count_the_blocks_not_the_points()
    {
        var sorted = Enumerable.Range(1, 30).Select(i => (double)i).ToList();
        // 10 origins: the 95% level becomes 95% × 11/10 > 1, so beyond the largest error, widened by the excess.
        Assert.Equal(30 * 1.045, Calibration.Quantile(sorted, 0.95, 10), 9);
        // 80% × 11/10 = 88% of 30 points: position 0.88 × 30 − 0.5 = 25.9 (0-based) → between the 26th and 27th values.
        Assert.Equal(26.9, Calibration.Quantile(sorted, 0.80, 10), 9);
        Assert.True(Calibration.Quantile(sorted, 0.80, 30) < Calibration.Quantile(sorted, 0.80, 10), "fewer independent blocks, wider interval");
    }

    [Fact]
    public void Sigma_from_an_interval_stopped_at_zero_uses_the_upper_half()
    {
        Assert.Equal(10, Calibration.SigmaFrom95(5, 0, 5 + 19.6), 9);
        Assert.Equal(10, Calibration.SigmaFrom95(100, 80.4, 119.6), 9);
    }

    [Fact]
    public void The_outcome_distribution_reproduces_both_calibrated_intervals()
    {
        var d = new PredictiveDistribution(100, 10, 25);
        Assert.Equal(90, d.Quantile(0.10), 9);
        Assert.Equal(110, d.Quantile(0.90), 9);
        Assert.Equal(75, d.Quantile(0.025), 9);
        Assert.Equal(125, d.Quantile(0.975), 9);
        Assert.Equal(0.10, d.Exceedance(110, higher: true), 9);
        Assert.Equal(0.025, d.Exceedance(75, higher: false), 9);
        Assert.Equal(0.5, d.Exceedance(100, higher: true), 9);
        for (var q = 0.01; q < 1; q += 0.01) Assert.Equal(1 - q, d.Exceedance(d.Quantile(q), higher: true), 9);
        var previous = 1.0;
        for (var x = 50.0; x <= 150; x += 0.5)
        {
            var p = d.Exceedance(x, higher: true);
            Assert.True(p <= previous, $"probability of reaching {x} rose");
            previous = p;
        }
    }

    [Fact]
    public void Peaked_errors_with_heavy_tails_give_confident_probabilities_near_the_forecast()
    {
        // Rolling-origin errors whose 95% quantile is twice the 80% one (a normal's is 1.53 times): one normal scaled to the
        // 95% interval would put 31% above a target half the 80% half-width away; the errors themselves say about 26%.
        var d = new PredictiveDistribution(0, 10, 20);
        var p = d.Exceedance(5, higher: true);
        Assert.Equal(1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, 0.5 * 1.2815515655446004), p, 9);
        Assert.True(p < 0.27, $"P = {p:0.000}");
        // Far out, the tails stay those of the 95% interval.
        Assert.Equal(0.025, d.Exceedance(20, higher: true), 9);
        Assert.True(d.Exceedance(30, higher: true) > 0.001);
    }

    [Fact]
    public void A_zero_width_distribution_is_certain()
    {
        Assert.Equal(1, new PredictiveDistribution(5, 0, 0).Exceedance(5, higher: true));
        Assert.Equal(0, new PredictiveDistribution(5, 0, 0).Exceedance(6, higher: true));
    }

    [Fact]
    public void Intervals_remember_how_many_origins_set_them()
    {
        Assert.Equal(Calibration.MaxOrigins, Calibration.Forecast(new Naive(), Enumerable.Range(0, 20).Select(i => (double)i * i).ToArray(), 3).Origins);
        Assert.Equal(4, Calibration.Forecast(new Naive(), [1, 3, 2, 5, 4, 6, 8, 7], 3).Origins);
    }

    [Fact]
    public void A_series_too_short_for_rolling_origins_still_gets_an_interval_of_its_model()
    {
        var f = Calibration.Forecast(MethodCatalog.Default(), [10, 12, 11, 14], 2);
        Assert.True(f.Hi95[0] - f.Lo95[0] > 0 && f.Hi80[1] - f.Lo80[1] > 0, "an interval, not a point");
        Assert.True(f.Hi95[1] - f.Lo95[1] > f.Hi95[0] - f.Lo95[0], "wider further ahead");
    }

    [Fact]
    public void Too_short_a_series_is_refused_instead_of_guessed()
    {
        Assert.Throws<ArgumentException>(() => Calibration.Forecast(MethodCatalog.Default(), [1, 2, 3], 2));
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}

public class AttainmentTests
{
    // A forecast from 2023 on: mean 100, 110, 120; 80% and 95% half-widths of a normal with σ = 10 each year.
    private const double H80 = 12.815515655446004;
    private static readonly IntervalForecast F = new("test", [100, 110, 120], [100 - H80, 110 - H80, 120 - H80], [100 + H80, 110 + H80, 120 + H80],
        [80.4, 90.4, 100.4], [119.6, 129.6, 139.6]);
    private static readonly Dictionary<int, double> Observed = new() { [2020] = 70, [2021] = 80, [2022] = 90 };

    [Fact]
    public void Stock_targets_compare_the_level_in_the_target_year()
    {
        var a = Attainment.Assess(new TargetSpec("stock", ">=", 110, 2024, 2024, 2024), Observed, F);
        Assert.Equal(0.5, a.Probability!.Value, 6);
        Assert.Equal("at_risk", a.Status);
        Assert.Equal(90 / 110.0, a.Progress!.Value, 6);
        var easy = Attainment.Assess(new TargetSpec("stock", ">=", 90, 2024, 2024, 2024), Observed, F);
        // 5 decimals: the fixture's 95% bounds use 1.96, the distribution the exact 97.5% quantile 1.959964.
        Assert.Equal(1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, -2), easy.Probability!.Value, 5);
        Assert.Equal("on_track", easy.Status);
        var ceiling = Attainment.Assess(new TargetSpec("stock", "<=", 90, 2024, 2024, 2024), Observed, F);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -2), ceiling.Probability!.Value, 5);
        Assert.Equal("off_track", ceiling.Status);
    }

    [Fact]
    public void Cumulative_targets_add_observed_years_and_forecast_years()
    {
        // 2021–2025: observed 80 + 90, forecast 100 + 110 + 120 = 500; σ adds up to 30.
        var a = Attainment.Assess(new TargetSpec("cumulative", ">=", 530, 2025, 2021, 2025), Observed, F);
        Assert.Equal(500, a.Forecast!.Value, 6);
        Assert.Equal(1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, 1), a.Probability!.Value, 6);
        Assert.Equal(170 / 530.0, a.Progress!.Value, 6);
        Assert.Equal(30, a.Gap!.Value, 6);
    }

    [Fact]
    public void Sums_of_forecast_years_accumulate_errors_between_independent_and_fully_correlated()
    {
        // σ 10 then 20: independent √500 = 22.4, fully correlated 30, accumulating √(100 + 2·100 + 400) = 26.5.
        Assert.Equal(Math.Sqrt(700), Attainment.SumSigma([0, 10, 20]), 9);
        Assert.Equal(30, Attainment.SumSigma([10, 10, 10]), 9);
        var f = new IntervalForecast("test", [100, 110], [100 - H80, 110 - 2 * H80], [100 + H80, 110 + 2 * H80], [80.4, 70.8], [119.6, 149.2])
            { Origins = 10 };
        var a = Attainment.Assess(new TargetSpec("cumulative", ">=", 210 + Math.Sqrt(700), 2024, 2023, 2024), Observed, f);
        Assert.Equal(1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, 1), a.Probability!.Value, 9);
    }

    [Fact]
    public void Probabilities_are_centred_on_the_median_the_series_own_errors_point_to()
    {
        // Outcomes historically fell 5 above the forecast: a target at the point forecast + 5 is a coin toss, not a long shot.
        var f = F with { Median = [105, 115, 125] };
        Assert.Equal(0.5, Attainment.Assess(new TargetSpec("stock", ">=", 115, 2024, 2024, 2024), Observed, f).Probability!.Value, 9);
        // The forecast printed beside the probability is that centre, and the 80% range printed is the distribution's own.
        var a = Attainment.Assess(new TargetSpec("stock", ">=", 115, 2024, 2024, 2024), Observed, f);
        Assert.Equal(115, a.Forecast!.Value, 9);
        Assert.Equal(0.10, Attainment.Assess(new TargetSpec("stock", ">=", a.Hi80!.Value, 2024, 2024, 2024), Observed, f).Probability!.Value, 6);
        Assert.Equal(0.90, Attainment.Assess(new TargetSpec("stock", ">=", a.Lo80!.Value, 2024, 2024, 2024), Observed, f).Probability!.Value, 6);
        // Increments from an observed base shift by the end year's offset; cumulative sums by the offsets of the forecast years.
        Assert.Equal(0.5, Attainment.Assess(new TargetSpec("increment", ">=", 45, 2024, 2021, 2024), Observed, f).Probability!.Value, 9);
        Assert.Equal(0.5, Attainment.Assess(new TargetSpec("cumulative", ">=", 80 + 90 + 105 + 115 + 125, 2025, 2021, 2025), Observed, f).Probability!.Value, 9);
    }

    [Fact]
    public void Increment_targets_measure_the_change_since_the_year_before_the_span()
    {
        // Span 2021–2024: level 2024 (forecast 110) minus level 2020 (observed 70) = 40.
        var a = Attainment.Assess(new TargetSpec("increment", ">=", 40, 2024, 2021, 2024), Observed, F);
        Assert.Equal(40, a.Forecast!.Value, 6);
        Assert.Equal(0.5, a.Probability!.Value, 6);
        Assert.Equal(20 / 40.0, a.Progress!.Value, 6);
    }

    [Fact]
    public void Observed_target_years_are_met_or_missed_and_missing_data_is_said_not_guessed()
    {
        Assert.Equal("met", Attainment.Assess(new TargetSpec("stock", ">=", 85, 2022, 2022, 2022), Observed, F).Status);
        Assert.Equal("missed", Attainment.Assess(new TargetSpec("stock", ">=", 95, 2022, 2022, 2022), Observed, F).Status);
        var none = Attainment.Assess(new TargetSpec("stock", ">=", 95, 2026, 2026, 2026), Observed, null);
        Assert.Equal("insufficient_data", none.Status);
        Assert.Null(none.Probability);
    }
}
