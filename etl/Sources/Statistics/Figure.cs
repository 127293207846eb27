namespace Warehouse.Etl.Sources.Statistics;

/// <summary>One good number read from a statistics file, normalised to the indicator's canonical unit.</summary>
public sealed record Figure(string RegionCode, string IndicatorCode, Warehouse.Store.Period Period, double Value, string Location, string? Evidence, string? Note);
