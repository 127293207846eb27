namespace Warehouse.Reports.Forecasting;

/// <summary>The methods the product offers, and its default.</summary>
public static class MethodCatalog
{
    /// <summary>The default: the mean of random walk with drift, Theta and damped-trend exponential smoothing.</summary>
    /// <remarks>Combinations of a few simple methods are the most accurate simple forecasters on yearly data (M3, M4);
    /// these three differ in how strongly they extrapolate the trend (full, halved, damped), so their errors partly cancel.</remarks>
    public static IForecastMethod Default() => new Combination("warehouse", new RandomWalkDrift(), new Theta(), new ExponentialSmoothing(ExponentialSmoothing.Trend.Damped));

    /// <summary>Every individual method, then the default combination.</summary>
    public static IReadOnlyList<IForecastMethod> All() =>
    [
        new Naive(), new RandomWalkDrift(), new ExponentialSmoothing(ExponentialSmoothing.Trend.None),
        new ExponentialSmoothing(ExponentialSmoothing.Trend.Linear), new ExponentialSmoothing(ExponentialSmoothing.Trend.Damped),
        new Theta(), new TrendRegression(false), new TrendRegression(true), Default(),
    ];
}
