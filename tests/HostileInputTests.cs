using System.Globalization;
using System.Text;
using Dapper;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Etl.Sources.Statistics;
using Warehouse.Reports.Forecasting;
using Warehouse.Store;

namespace Warehouse.Tests;

/// <summary>Malformed files of every kind the audit found, generated at random and mixed with good rows: no exception escapes,
/// every good row loads, no bad value loads, no batch stays running.</summary>
public class HostileInputTests
{
    private static readonly (string Name, string Code)[] Regions =
        [("宜兴", "320282"), ("溧阳", "320481"), ("连云港", "320700"), ("通州区", "320612"), ("新北区", "320411")];

    private static readonly (string Name, string Code)[] Indicators =
        [("专利授权量", "patent_grants"), ("发明专利授权量", "invention_grants"), ("PCT专利申请量", "pct_applications"), ("有效注册商标量", "registered_trademarks")];

    /// <summary>Row-level poison: periods outside 1949..2100 or with month 13, non-ASCII digits, numbers that overflow, words for numbers.</summary>
    private static readonly string[][] BadCells =
    [
        ["period", "0000"], ["period", "0000Q1"], ["period", "0000-01"], ["period", "0001"], ["period", "0999"], ["period", "1066"],
        ["period", "2999"], ["period", "9999"], ["period", "10000"], ["period", "0000年"], ["period", "٢٠٢٣"], ["period", "2023-13"],
        ["period", "2023Q5"], ["period", "2023年13月"], ["period", "9999年上半年"], ["period", "1948-12"],
        ["value", "١٢٣"], ["value", new string('9', 400)], ["value", "1" + new string('0', 305) + "亿"], ["value", "NaN"], ["value", "Infinity"],
        ["value", "1e999"], ["value", "-5"], ["value", "很多"], ["value", "１２３４５６７８９" + new string('9', 320)], ["region", "北京市"],
    ];

    private static int SeriesBase(string region, string indicator) => 1000 + (region + indicator).Sum(ch => ch * 37) % 500_000;

    private sealed record Expected(string File, string Region, string Indicator, string Period, double Value);

    private sealed class Generated
    {
        public List<Expected> Good { get; } = [];
        public Dictionary<string, int> BadRows { get; } = [];
        public HashSet<string> MustFail { get; } = [];
    }

    public static TheoryData<string, int> Seeds => TempWarehouse.EnginesTimes(11, 12, 13);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_malformed_files_never_escape_load_every_good_row_and_no_bad_value(string engine, int seed)
    {
        using var wh = new TempWarehouse(engine: engine);
        var dir = Directory.CreateDirectory(wh.PathOf("inbox")).FullName;
        var rng = new Random(seed);
        var gen = new Generated();
        for (var i = 0; i < 30; i++) WriteCsv(rng, dir, $"f{seed}_{i:00}.csv", gen);
        WriteFileLevelFailures(rng, dir, seed, gen);
        WriteWorkbooks(dir, seed, gen);

        var results = new Ingestor(wh.Dialect).Ingest([dir]);

        Assert.Equal(Directory.GetFiles(dir).Length, results.Count);
        foreach (var r in results)
        {
            var name = Path.GetFileName(r.File);
            if (gen.MustFail.Contains(name))
            {
                Assert.False(r.Succeeded, $"{name} should have failed");
                Assert.Contains(name, r.Error);
            }
            else
            {
                Assert.True(r.Succeeded, $"{name}: {r.Error}");
                Assert.True(r.Rejected >= gen.BadRows.GetValueOrDefault(name), $"{name}: {r.Rejected} rejects for {gen.BadRows.GetValueOrDefault(name)} bad rows");
            }
        }
        using var c = wh.Dialect.OpenReadWrite();
        var loaded = c.Query<(string Source, string Region, string Indicator, string Period, double Value)>(
            "SELECT source, region_code, indicator_code, period, value FROM v_observations").ToHashSet();
        foreach (var e in gen.Good)
            Assert.Contains((e.File, e.Region, e.Indicator, e.Period, e.Value), loaded);
        Assert.Equal(gen.Good.Count, loaded.Count); // nothing loaded that was not a good row
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM fact_observation WHERE NOT value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM dim_period WHERE year NOT BETWEEN 1949 AND 2100 OR month_to NOT BETWEEN 1 AND 12"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM etl_batch WHERE status = 'running'"));
    }

    private static void WriteCsv(Random rng, string dir, string name, Generated gen)
    {
        var keys = new HashSet<string>();
        var lines = new List<string>();
        var bad = 0;
        var rows = rng.Next(0, 25);
        for (var i = 0; i < rows; i++)
        {
            var region = Regions[rng.Next(Regions.Length)];
            var indicator = Indicators[rng.Next(Indicators.Length)];
            var period = rng.Next(4) switch
            {
                0 => $"{rng.Next(1949, 2101)}",
                1 => $"{rng.Next(1990, 2030)}-{rng.Next(1, 13):00}",
                2 => $"{rng.Next(1990, 2030)}Q{rng.Next(1, 5)}",
                _ => $"{rng.Next(1990, 2030)}年",
            };
            // Good figures stay within a plausible band of their series (the plausibility check quarantines 5× jumps).
            var value = (int)(SeriesBase(region.Code, indicator.Code) * (0.8 + 0.45 * rng.NextDouble()));
            if (rng.NextDouble() < 0.35)
            {
                var poison = BadCells[rng.Next(BadCells.Length)];
                var cells = new[] { region.Name, indicator.Name, period, value.ToString(CultureInfo.InvariantCulture), "件" };
                cells[poison[0] switch { "region" => 0, "period" => 2, _ => 3 }] = poison[1];
                lines.Add(string.Join(",", cells));
                bad++;
                continue;
            }
            var code = Period.Parse(period)!.Code;
            if (!keys.Add($"{region.Code}|{indicator.Code}|{code}")) continue;
            lines.Add($"{region.Name},{indicator.Name},{period},{value},件");
            gen.Good.Add(new Expected(name, region.Code, indicator.Code, code, value));
        }
        var ending = rng.Next(3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" };
        var text = "地区,指标,年份,数值,单位" + ending + string.Join(ending, lines);
        switch (rng.Next(3))
        {
            case 0: // ends with a line break
                text += ending;
                break;
            case 1: // a last line cut off inside its value: 66988 must not load as 669
                text += ending + $"{Regions[0].Name},{Indicators[0].Name},1950,669";
                bad++;
                break;
            default: // the last line simply has no line break, and is whole
                break;
        }
        gen.BadRows[name] = bad;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = rng.Next(5) switch
        {
            0 => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
            1 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            2 => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
            3 => Encoding.GetEncoding("GB18030").GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text),
        };
        File.WriteAllBytes(Path.Combine(dir, name), bytes);
    }

    /// <summary>Files that cannot be read as a whole: each must fail its own batch, naming itself, and the run must go on.</summary>
    private static void WriteFileLevelFailures(Random rng, string dir, int seed, Generated gen)
    {
        void Fail(string name, byte[] bytes)
        {
            File.WriteAllBytes(Path.Combine(dir, name), bytes);
            gen.MustFail.Add(name);
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Fail($"big5_{seed}.csv", Encoding.GetEncoding(950).GetBytes("地區,指標,年份,數值,單位\r\n宜興,專利授權量,2023,100,件\r\n溧陽,發明專利授權量,2023,50,件\r\n"));
        Fail($"sjis_{seed}.csv", Encoding.GetEncoding(932).GetBytes("地域,指標,年度,数値,単位\r\n東京都,特許登録件数,2023,100,件\r\n大阪府,特許出願件数,2023,50,件\r\n"));
        var utf8 = Encoding.UTF8.GetBytes("地区,指标,年份,数值,单位\n宜兴,专利授权量,2023,100,件\n溧阳,发明专利授权量,2023,50,件\n连云港,专利授权量,2022,70,件\n");
        var at = rng.Next(10, utf8.Length - 2);
        Fail($"one_bad_byte_{seed}.csv", utf8[..at].Append((byte)0xFF).Concat(utf8[at..]).ToArray());
        Fail($"utf16_no_bom_{seed}.csv", Encoding.Unicode.GetBytes("地区,指标,年份,数值\n宜兴,专利授权量,2023,100\n"));
        var noise = new byte[4096];
        rng.NextBytes(noise);
        Fail($"binary_{seed}.csv", noise);
        Fail($"broken_{seed}.xlsx", noise);
        Fail($"broken_{seed}.docx", noise);
        Fail($"no_header_{seed}.csv", Encoding.UTF8.GetBytes("这不是统计表\n只是一些文字\n"));
        Fail($"empty_{seed}.csv", []);
    }

    /// <summary>Workbooks: date-typed period cells (1899-12 and 9999-12 are refused, a yyyy-mm cell reads as its month), and a title
    /// row or sheet name carrying year 0000.</summary>
    private static void WriteWorkbooks(string dir, int seed, Generated gen)
    {
        var dated = $"dated_{seed}.xlsx";
        OfficeFiles.Xlsx(Path.Combine(dir, dated), ("明细", [
            ["地区", "指标", "期间", "数值"],
            ["宜兴", "专利授权量", (new DateTime(1899, 12, 31), "yyyy-mm"), 5.0],
            ["宜兴", "专利授权量", (new DateTime(9999, 12, 31), "yyyy-mm"), 6.0],
            ["宜兴", "专利授权量", (new DateTime(2023, 6, 1), "yyyy\"年\"m\"月\""), (double)SeriesBase("320282", "patent_grants")],
            ["溧阳", "专利授权量", (new DateTime(2022, 1, 1), "yyyy"), (double)SeriesBase("320481", "patent_grants")],
            ["溧阳", "专利授权量", (new DateTime(2021, 3, 15), "yyyy-mm-dd"), 9.0],
        ]));
        gen.Good.Add(new Expected(dated, "320282", "patent_grants", "2023-06", SeriesBase("320282", "patent_grants")));
        gen.Good.Add(new Expected(dated, "320481", "patent_grants", "2022", SeriesBase("320481", "patent_grants")));
        gen.BadRows[dated] = 3;

        var title = $"title_0000_{seed}.xlsx";
        OfficeFiles.Xlsx(Path.Combine(dir, title),
            ("Sheet1", [["0000年各地区知识产权主要指标统计表", ""], ["地区", "专利授权量（件）"], ["宜兴", 5.0], ["溧阳", 6.0]]),
            ("0000", [["地区", "专利授权量（件）"], ["连云港", (double)SeriesBase("320700", "patent_grants")]]),
            ("2021", [["地区", "专利授权量（件）"], ["连云港", (double)SeriesBase("320700", "patent_grants")]]));
        gen.Good.Add(new Expected(title, "320700", "patent_grants", "2021", SeriesBase("320700", "patent_grants")));
        gen.BadRows[title] = 3;
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Encodings_and_line_ends_that_are_accepted_all_load_the_same_figures(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        const string text = "地区,指标,年份,数值\n宜兴,专利授权量,2023,100\n溧阳,发明专利授权量,2023,50\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var variants = new Dictionary<string, byte[]>
        {
            ["utf8.csv"] = Encoding.UTF8.GetBytes(text),
            ["utf8bom.csv"] = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            ["utf16le.csv"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            ["utf16be.csv"] = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            ["gb18030.csv"] = Encoding.GetEncoding("GB18030").GetBytes(text),
            ["cr.csv"] = Encoding.UTF8.GetBytes(text.Replace("\n", "\r")),
            ["crlf.csv"] = Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")),
            // What Excel's "Unicode text" export writes: UTF-16 LE with BOM, tab-separated, CRLF.
            ["unicode_text.csv"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.Replace(",", "\t").Replace("\n", "\r\n"))],
            ["semicolons.csv"] = Encoding.UTF8.GetBytes(text.Replace(",", ";")),
        };
        foreach (var (name, bytes) in variants)
        {
            File.WriteAllBytes(wh.PathOf(name), bytes);
            var r = new StatisticsLoader(wh.Dialect).Load(wh.PathOf(name));
            Assert.True(r.Succeeded, $"{name}: {r.Error}");
            Assert.Equal(2, r.Loaded);
            Assert.Equal(0, r.Rejected);
        }
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_refused_encoding_names_the_file_and_the_encodings_accepted(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(wh.PathOf("taipei.csv"), Encoding.GetEncoding(950).GetBytes("地區,指標,年份,數值\n宜興,專利授權量,2023,100\n"));
        var r = new StatisticsLoader(wh.Dialect).Load(wh.PathOf("taipei.csv"));
        Assert.False(r.Succeeded);
        Assert.StartsWith("taipei.csv", r.Error);
        Assert.Contains("UTF-16", r.Error);
        Assert.Contains("GB18030", r.Error);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_crash_in_the_sink_fails_the_file_instead_of_becoming_a_reject(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        File.WriteAllText(wh.PathOf("x.csv"), "地区,指标,年份,数值\n宜兴,专利授权量,2021,100\n宜兴,专利授权量,2022,110\n");
        var r = new StatisticsLoader(wh.Dialect) { AfterFigureWritten = _ => throw new InvalidOperationException("boom") }.Load(wh.PathOf("x.csv"));
        Assert.False(r.Succeeded);
        Assert.Contains("x.csv", r.Error);
        Assert.Contains("boom", r.Error);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Plan_targets_outside_the_year_range_are_rejected_where_facts_are_written(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("宜兴方案9999.txt");
        File.WriteAllText(path, "宜兴市人民政府办公室\n宜兴市国家知识产权强县建设示范县工作方案（2024—2026年）\n二、工作目标\n到9999年，万人高价值发明专利拥有量达20件。\n到2026年，有效注册商标量达70000件。\n");
        var r = new PlanLoader(wh.Dialect).Load(path);
        Assert.True(r.Succeeded, r.Error);
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM fact_target WHERE target_year NOT BETWEEN 1949 AND 2100 OR span_start_year NOT BETWEEN 1949 AND 2100"));
        Assert.True(c.ExecuteScalar<long>("SELECT count(*) FROM fact_target") >= 1);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void The_database_itself_refuses_a_year_out_of_range_or_an_infinite_value(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        using var c = wh.Dialect.OpenReadWrite();
        Assert.ThrowsAny<Exception>(() => c.Execute("INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date) VALUES ('9999', 'year', 9999, 1, 12, '9999-01-01', '9999-12-31')"));
        Assert.Throws<InvalidDataException>(() => Periods.Ensure(wh.Dialect, c, new Period("0000", "year", 0, 1, 12)));
        var batch = new BatchLog(wh.Dialect).Start("test", null);
        var period = Periods.Ensure(wh.Dialect, c, Period.OfYear(2023));
        c.Execute("INSERT INTO dim_source (source_name, path, kind, checksum, loaded_at) VALUES ('s', 's', 'statistics', '', '2024-01-01T00:00:00+08:00')");
        // (Microsoft.Data.Sqlite refuses to bind NaN itself, so NaN reaches only PostgreSQL's guard.)
        double[] values = wh.Engine == "postgres" ? [double.PositiveInfinity, double.NegativeInfinity, double.NaN] : [double.PositiveInfinity, double.NegativeInfinity];
        foreach (var value in values)
        {
            var ex = Assert.ThrowsAny<Exception>(() => c.Execute(
                "INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, batch_id) VALUES (1, 1, @period, 1, @value, 'x', @batch)",
                new { period, batch, value }));
            // SQLite's trigger says why; PostgreSQL names the CHECK constraint (migration 012).
            Assert.Contains(wh.Engine == "postgres" ? "ck_fact_observation_value" : "finite", ex.Message);
        }
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM fact_observation"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Forecasting_skips_stored_values_that_are_not_finite_or_out_of_range_instead_of_crashing(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        File.WriteAllText(wh.PathOf("good.csv"), "地区,指标,年份,数值\n" + string.Join("\n", Enumerable.Range(2015, 9).Select(y => $"宜兴,专利授权量,{y},{100 + 10 * (y - 2015)}")) + "\n");
        Assert.True(new StatisticsLoader(wh.Dialect).Load(wh.PathOf("good.csv")).Succeeded);
        using (var c = wh.Dialect.OpenReadWrite())
        {
            // A warehouse written before the guards existed: drop them and store what the old loader let through.
            // (Triggers on SQLite, CHECK constraints on PostgreSQL: migration 012.)
            c.Execute(wh.Engine == "postgres"
                ? "ALTER TABLE dim_period DROP CONSTRAINT ck_dim_period_year; ALTER TABLE fact_observation DROP CONSTRAINT ck_fact_observation_value;"
                : "DROP TRIGGER tg_dim_period_year; DROP TRIGGER tg_fact_observation_value; DROP TRIGGER tg_fact_observation_value_update;");
            c.Execute("INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date) VALUES ('9999', 'year', 9999, 1, 12, '9999-01-01', '9999-12-31')");
            c.Execute("""
                INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, batch_id)
                SELECT region_key, indicator_key, (SELECT period_key FROM dim_period WHERE period_code = '9999'), source_key, 5, 'x', batch_id
                FROM fact_observation LIMIT 1
                """);
            c.Execute("UPDATE fact_observation SET value = @inf WHERE period_key = (SELECT period_key FROM dim_period WHERE period_code = '2016')",
                new { inf = double.PositiveInfinity });
        }
        var run = new ForecastRun(wh.Dialect).Execute();
        Assert.True(run.ForecastRows > 0);
        using var r = wh.Dialect.OpenReadWrite();
        Assert.Contains("left out 2", r.ExecuteScalar<string>("SELECT detail FROM etl_batch WHERE batch_id = @id", new { id = run.BatchId }));
    }
}
