using System.Text.RegularExpressions;
using Dapper;
using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Forecasting;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary>v_series holds the one best-source rule, and forecast and briefing both read it.</summary>
public class SeriesViewTests
{
    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_year_with_statistics_and_illustrative_figures_shows_the_statistics_figure_everywhere(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var illustrative = wh.PathOf("illustrative_test.csv");
        File.WriteAllLines(illustrative, ["地区,指标,年份,数值,单位,备注",
            .. Enumerable.Range(2015, 8).Select(y => $"宜兴,万人发明专利拥有量,{y},{y - 2000},件/万人,示例数据")]);
        var statistics = wh.PathOf("statistics_2020.csv");
        File.WriteAllLines(statistics, ["地区,指标,年份,数值,单位", "宜兴,万人发明专利拥有量,2020,99.5,件/万人"]);
        // Loaded last, so a rule that preferred the latest load over the source kind would pick the illustrative figure.
        Assert.All(new Ingestor(wh.Dialect).Ingest([statistics]), r => Assert.True(r.Succeeded, r.Error));
        Assert.All(new Ingestor(wh.Dialect).Ingest([illustrative]), r => Assert.True(r.Succeeded, r.Error));

        using (var c = wh.Dialect.OpenReadWrite())
        {
            var rows = c.Query<(long Year, double Value, string Kind)>(
                "SELECT year, value, source_kind FROM v_series WHERE region_code = '320282' ORDER BY year").ToList();
            Assert.Equal(8, rows.Count); // one row per year, not one per source
            Assert.Equal((2020L, 99.5, "statistics"), rows.Single(r => r.Year == 2020));
            Assert.All(rows.Where(r => r.Year != 2020), r => Assert.Equal("illustrative", r.Kind));

            using var tx = c.BeginTransaction();
            var input = new ForecastStore(wh.Dialect, c, tx).Series(); // what ForecastRun forecasts from
            Assert.Equal((99.5, "statistics"), input.Where(p => p.Year == 2020).Select(p => (p.Value, p.SourceKind)).Single());
        }

        var run = new ForecastRun(wh.Dialect).Execute(trigger: "test");
        Assert.True(run.Series >= 1);
        var briefing = BriefingData.Load(wh.Dialect, regions: ["320282"]);
        var point = briefing.Observations.Single(o => o.Year == 2020 && o.IndicatorCode == "invention_patents_per_10k");
        Assert.Equal((99.5, "statistics", "statistics_2020.csv"), (point.Value, point.SourceKind, point.Source));
    }
}

/// <summary>SQL lives in warehouse/ only, and only the SQLite engine names SQLite types.</summary>
public class SqlPlacementTests
{

    private static readonly Regex Statement = new(
        @"\bSELECT\b[\s\S]{0,400}?\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+[\w{}.\[\]]+\s+SET\b|\bDELETE\s+FROM\b"
        + @"|\bCREATE\s+(TABLE|VIEW|INDEX)\b|\bMERGE\s+INTO\b",
        RegexOptions.IgnoreCase);

    // Regular, verbatim, interpolated and raw string literals (raw ones may span lines).
    private static readonly Regex Literal = new(
        "\"\"\"[\\s\\S]*?\"\"\"|\\$?@\"(?:[^\"]|\"\")*\"|@?\\$?\"(?:[^\"\\\\\\n]|\\\\.)*\"", RegexOptions.Compiled);

    // The engine class itself may be named (DatabaseAddress builds it); the driver's types (SqliteException ...) may not.
    // A command suggested to the user inside a message (`sql \"select * from etl_reject\"`) is advice, not a statement run here.
    private static readonly Regex SuggestedCommand = new(@"sql \\""[^""\\]*\\""", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static bool HoldsStatement(string literal) => Statement.IsMatch(SuggestedCommand.Replace(literal, ""));

    private static readonly Regex SqliteName = new(@"\bSqlite(?!Dialect\b)\w*", RegexOptions.Compiled);

    [Theory]
    [InlineData("etl")]
    [InlineData("reports")]
    [InlineData("cli")]
    public void No_SQL_statement_is_written_outside_warehouse(string folder) => AssertNoStatements(folder);

    private static void AssertNoStatements(string folder)
    {
        var found = SourceFiles(folder)
            .SelectMany(f => Literal.Matches(File.ReadAllText(f)).Where(m => HoldsStatement(m.Value))
                .Select(m => $"{Relative(f)}: {Shorten(m.Value)}"))
            .ToList();
        Assert.True(found.Count == 0, "SQL belongs in warehouse/sql/<area>/<name>.sql:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_detector_finds_statements_in_each_kind_of_literal()
    {
        string[] samples =
        [
            "c.Query(\"SELECT a FROM t\")", "c.Execute(@\"DELETE FROM t\")", "c.Execute($\"UPDATE {t} SET a = 1\")",
            "c.Execute(\"\"\"\n    INSERT INTO t (a)\n    VALUES (1)\n    \"\"\")", "c.Execute(\"CREATE VIEW v AS SELECT 1\")",
        ];
        Assert.All(samples, s => Assert.Contains(Literal.Matches(s), m => HoldsStatement(m.Value)));
        Assert.DoesNotContain(Literal.Matches("Description = \"SELECT ... / WITH ...\""), m => HoldsStatement(m.Value));
        Assert.DoesNotContain(Literal.Matches("Say(\"details: sql \\\"select * from etl_reject\\\"\")"), m => HoldsStatement(m.Value));
    }

    [Fact]
    public void No_Sqlite_type_is_named_outside_the_SQLite_engine()
    {
        // The SQLite engine is its dialect and its ad-hoc guard (the authorizer); nothing else may name the driver.
        string[] allowed = ["warehouse/Engine/SqliteDialect.cs", "warehouse/Engine/SqliteAdHoc.cs"];
        var found = new[] { "warehouse", "etl", "reports", "cli" }.SelectMany(SourceFiles)
            .Where(f => !allowed.Contains(Relative(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (line, i))
                .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && SqliteName.IsMatch(x.line))
                .Select(x => $"{Relative(f)}:{x.i + 1}: {x.line.Trim()}"))
            .ToList();
        Assert.True(found.Count == 0, "Sqlite* types belong to warehouse/Engine/SqliteDialect.cs:\n" + string.Join("\n", found));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(TempWarehouse.RepoRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(TempWarehouse.RepoRoot, path).Replace('\\', '/');

    private static string Shorten(string s) => Regex.Replace(s, @"\s+", " ") is var one && one.Length > 120 ? one[..120] + "…" : one;
}

/// <summary>Read models map whatever integer width an engine returns (int on SQL Server, bigint on PostgreSQL, long on SQLite).</summary>
public class ReadModelMappingTests
{
    [Fact]
    public void Rows_with_32_bit_integers_map_to_the_read_models()
    {
        var counts = Read<TableCount>(("TableName", typeof(string), "dim_region"), ("Total", typeof(int), 5));
        Assert.Equal(5, counts.Total);
        var point = Read<ObservationPoint>(("RegionCode", typeof(string), "320282"), ("IndicatorCode", typeof(string), "x"),
            ("Year", typeof(int), 2020), ("Value", typeof(double), 1.5), ("SourceKind", typeof(string), "statistics"),
            ("Source", typeof(string), "a.csv"));
        Assert.Equal(2020, point.Year);
        var target = Read<TargetRow>(("RegionCode", typeof(string), "320282"), ("TargetYear", typeof(int), 2025),
            ("EvidenceOffset", typeof(int), 7), ("Value", typeof(double), 3.0));
        Assert.Equal((2025L, 7L), (target.TargetYear, target.EvidenceOffset));
        var attainment = Read<AttainmentRow>(("RegionCode", typeof(string), "320282"), ("TargetYear", typeof(int), 2025),
            ("LatestYear", typeof(int), 2024), ("Status", typeof(string), "on_track"));
        Assert.Equal((2025L, 2024L), (attainment.TargetYear, attainment.LatestYear));
    }

    private static T Read<T>(params (string Name, Type Type, object Value)[] columns)
    {
        var table = new System.Data.DataTable();
        foreach (var c in columns) table.Columns.Add(c.Name, c.Type);
        table.Rows.Add(columns.Select(c => c.Value).ToArray());
        using var reader = table.CreateDataReader();
        return reader.Parse<T>().Single();
    }
}
