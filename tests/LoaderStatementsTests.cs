using System.Text.RegularExpressions;
using Warehouse.Etl.Sources.Illustrative;
using Warehouse.Store;
using Warehouse.Store.Engine;
using Xunit;

namespace Warehouse.Tests;

/// <summary>The loaders ask the store for data and hold no SQL; engine-specific staging statements exist where they must.</summary>
public sealed class LoaderStatementsTests
{
    // A statement keyword followed by what makes it SQL, so prose ("select the rows", "delete it") does not count.
    private static readonly Regex SqlText = new(
        @"\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TEMP\s+)?TABLE|MERGE\s+\w+|ON\s+CONFLICT)\b|""""""|\bDapper\b",
        RegexOptions.IgnoreCase);

    [Fact]
    public void Etl_holds_no_SQL_text_and_no_Dapper()
    {
        var etl = Path.Combine(TempWarehouse.RepoRoot, "etl");
        var hits = Directory.EnumerateFiles(etl, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && SqlText.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(etl, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(hits.Count == 0, "SQL in etl/:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void Every_staging_statement_names_SQL_Servers_temporary_tables()
    {
        var stage = Statements.Names().Where(n => n.StartsWith("observations/stage_", StringComparison.Ordinal)).ToList();
        Assert.Contains("observations/stage_merge", stage);
        foreach (var name in stage)
        {
            var sql = Statements.Get(name, "sqlserver");
            Assert.True(sql.Contains("#stage_", StringComparison.Ordinal), $"{name} needs a .sqlserver.sql override naming #stage_ tables");
            Assert.DoesNotMatch(@"(?<!#)\bstage_(observation|key)\b", sql);
        }
    }

    [Fact]
    public void Illustrative_regions_come_from_the_briefing_file_in_its_order()
    {
        var shipped = IllustrativeSeries.Regions(Path.Combine(TempWarehouse.SeedsDir, "briefing.csv"));
        Assert.Equal(["320411", "320481", "320700", "320612", "320282"], shipped);

        var file = Path.Combine(Path.GetTempPath(), "briefing-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            // A region without a profile gets no invented series; the listed order is kept.
            File.WriteAllText(file, "kind,code,zh,en\nregion,320282,宜兴市,Yixing\nregion,999999,别处,Elsewhere\nscorecard,pct_applications,PCT,PCT\n"
                + "region,320411,常州高新区,Changzhou HTZ\n");
            Assert.Equal(["320282", "320411"], IllustrativeSeries.Regions(file));
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(shipped, IllustrativeSeries.Regions(Path.Combine(TempWarehouse.SeedsDir, "no-such-file.csv")));
    }
}
