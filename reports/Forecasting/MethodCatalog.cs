namespace Warehouse.Reports.Forecasting;

/// <summary>The methods the product offers, and its default.</summary>
public static class MethodCatalog
{
    /// <summary>The default: six simple methods weighted per series and step by their rolling-origin errors on that series,
    /// pooled with those of similar series when the method has seen the collection.</summary>
    /// <remarks>See <see cref="AdaptiveCombination"/>: a fixed mix fits one collection's share of trending and flat series,
    /// not yearly series in general.</remarks>
    public static IForecastMethod Default() => new AdaptiveCombination();

    /// <summary>The earlier fixed default, kept as a reference in benchmarks: the mean of drift, Theta and damped.</summary>
    public static IForecastMethod FixedMix() => new Combination("drift_theta_damped", new RandomWalkDrift(), new Theta(), new ExponentialSmoothing(ExponentialSmoothing.Trend.Damped));

    /// <summary>Every individual method, the earlier fixed mix, then the default.</summary>
    public static IReadOnlyList<IForecastMethod> All() =>
    [
        .. Singles(), FixedMix(), Default(),
    ];

    /// <summary>The individual methods (what subgroup tables compare the default with).</summary>
    public static IReadOnlyList<IForecastMethod> Singles() =>
    [
        new Naive(), new RandomWalkDrift(), new ExponentialSmoothing(ExponentialSmoothing.Trend.None),
        new ExponentialSmoothing(ExponentialSmoothing.Trend.Linear), new ExponentialSmoothing(ExponentialSmoothing.Trend.Damped),
        new Theta(), new TrendRegression(false), new TrendRegression(true),
    ];
}
