using Warehouse.Etl.Normalisation;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary>Every indicator of <c>seeds/indicators.csv</c> can be loaded in its own unit: a statistician's file writes the unit
/// the dictionary gives, so a unit the number reader does not know (件/万户, when 每万户市场主体有效注册商标拥有量 was added) would
/// reject all of that indicator's rows.</summary>
public class IndicatorUnitTests
{
    [Fact]
    public void Every_indicators_own_unit_and_alternative_units_are_read_and_fit_it()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Dialect.OpenReadOnly();
        var catalog = Catalog.Load(wh.Dialect, c);
        Assert.NotEmpty(catalog.Indicators);
        foreach (var indicator in catalog.Indicators)
            foreach (var unit in indicator.AltUnits.Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(indicator.Unit))
            {
                var read = Quantity.ParsePrefix("12" + unit);
                Assert.True(read is { } r && r.Length == 2 + unit.Length, $"{indicator.IndicatorCode}: the unit “{unit}” is not read");
                Assert.True(read!.Value.Quantity.In(indicator.Unit, indicator.AltUnits) is 12.0,
                    $"{indicator.IndicatorCode}: 12{unit} does not fit its indicator");
            }
    }
}
