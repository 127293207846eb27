using System.Globalization;
using Dapper;
using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;
using Xunit.Abstractions;

namespace Warehouse.Tests;

public class PlanExtractionAccuracyTests(ITestOutputHelper output)
{
    private static readonly string Documents = Path.Combine(TempWarehouse.SeedsDir, "documents");

    /// <summary>The hand labels: every goal, milestone and baseline of the five plans, keyed region|indicator|kind|year|value.</summary>
    public static HashSet<string> Labels() =>
        File.ReadAllLines(Path.Combine(TempWarehouse.RepoRoot, "tests", "Fixtures", "plan_targets_labelled.csv"))
            .Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(','))
            .Select(f => Key(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToHashSet();

    private static string Key(string region, string indicator, string kind, long year, double value) =>
        $"{region}|{indicator}|{kind}|{year}|{value.ToString("R", CultureInfo.InvariantCulture)}";

    [Fact]
    public void Ingesting_the_five_plans_reaches_95_percent_recall_and_precision_against_the_hand_labels()
    {
        using var wh = new TempWarehouse();
        var loader = new PlanLoader(wh.Dialect);
        foreach (var file in Directory.GetFiles(Documents).Order())
            Assert.True(loader.Load(file).Succeeded, file);

        using var c = wh.Dialect.OpenReadWrite();
        var extracted = c.Query<(string, string, string, long, double)>(
                "SELECT region_code, indicator_code, target_kind, target_year, value FROM v_targets")
            .Select(t => Key(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5)).ToHashSet();
        var labels = Labels();
        var hits = extracted.Intersect(labels).Count();
        var recall = (double)hits / labels.Count;
        var precision = (double)hits / extracted.Count;
        output.WriteLine($"labels {labels.Count}, extracted {extracted.Count}, matched {hits}: recall {recall:P1}, precision {precision:P1}");
        foreach (var miss in labels.Except(extracted).Order()) output.WriteLine("missed:    " + miss);
        foreach (var extra in extracted.Except(labels).Order()) output.WriteLine("unlabelled: " + extra);
        Assert.True(labels.Count >= 150, "the fixture covers the five plans");
        Assert.True(recall >= 0.95, $"recall {recall:P1}");
        Assert.True(precision >= 0.95, $"precision {precision:P1}");
    }
}
