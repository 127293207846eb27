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

    [Fact]
    public void Scores_on_M3_yearly_match_R_forecast_for_the_methods_R_computes_identically()
    {
        // R forecast 8.20 on the same file (../shared/data/m3yearly/r_forecast_8.20_results.md): naive 17.880 / 3.172, rwf drift 16.790 / 2.632.
        var path = Path.Combine(TempWarehouse.RepoRoot, "..", "shared", "data", "m3yearly", "m3yearly.csv");
        Assert.True(File.Exists(path), "the M3 benchmark data is expected at ../shared/data/m3yearly");
        var rows = Benchmark.Run(Benchmark.Read(path), 6, [new Naive(), new RandomWalkDrift(), MethodCatalog.Default()]);
        Assert.Equal(17.880, rows[0].Smape, 2);
        Assert.Equal(3.172, rows[0].Mase, 2);
        Assert.Equal(16.790, rows[1].Smape, 2);
        var warehouse = rows[2];
        Assert.True(warehouse.Smape < 16.756 && warehouse.Mase < 2.774, $"default beats R's Theta: {warehouse.Smape:0.000} / {warehouse.Mase:0.000}");
        Assert.True(warehouse.Coverage95 >= 0.90, $"95% intervals cover {warehouse.Coverage95:P1}");
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
    public void Too_short_a_series_is_refused_instead_of_guessed()
    {
        Assert.Throws<ArgumentException>(() => Calibration.Forecast(MethodCatalog.Default(), [1, 2, 3], 2));
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}

public class AttainmentTests
{
    // A forecast from 2023 on: mean 100, 110, 120; 95% half-width 19.6 → σ = 10 each year.
    private static readonly IntervalForecast F = new("test", [100, 110, 120], [87, 97, 107], [113, 123, 133], [80.4, 90.4, 100.4], [119.6, 129.6, 139.6]);
    private static readonly Dictionary<int, double> Observed = new() { [2020] = 70, [2021] = 80, [2022] = 90 };

    [Fact]
    public void Stock_targets_compare_the_level_in_the_target_year()
    {
        var a = Attainment.Assess(new TargetSpec("stock", ">=", 110, 2024, 2024, 2024), Observed, F);
        Assert.Equal(0.5, a.Probability!.Value, 6);
        Assert.Equal("at_risk", a.Status);
        Assert.Equal(90 / 110.0, a.Progress!.Value, 6);
        var easy = Attainment.Assess(new TargetSpec("stock", ">=", 90, 2024, 2024, 2024), Observed, F);
        Assert.Equal(1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, -2), easy.Probability!.Value, 6);
        Assert.Equal("on_track", easy.Status);
        var ceiling = Attainment.Assess(new TargetSpec("stock", "<=", 90, 2024, 2024, 2024), Observed, F);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -2), ceiling.Probability!.Value, 6);
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
