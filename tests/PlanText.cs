using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary>Runs the extractor on a plan text written in a test, against the shipped reference data.</summary>
public static class PlanText
{
    // The catalog is immutable once read, so one copy serves every test instead of a new warehouse per sentence.
    private static readonly Lazy<Catalog> Shipped = new(() =>
    {
        using var wh = new TempWarehouse();
        using var c = wh.Dialect.OpenReadOnly();
        return Catalog.Load(wh.Dialect, c);
    });

    /// <summary>What the extractor reads from <paramref name="text"/> (as a document named test.txt).</summary>
    public static ExtractionResult Extract(string text) => new TargetExtractor(Shipped.Value).Extract(text, "test.txt");

    /// <summary>The extracted targets as (indicator, kind, year, value), for compact assertions.</summary>
    public static List<(string, string, int, double)> Rows(ExtractionResult r) =>
        r.Targets.Select(t => (t.IndicatorCode, t.Kind, t.TargetYear, t.Value)).ToList();
}
