using System.Text;
using Dapper;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Sources.Statistics;

namespace Warehouse.Tests;

public class StatisticsIngestionTests
{
    private static double Value(TempWarehouse wh, string region, string indicator, string period)
    {
        using var c = wh.Dialect.OpenReadWrite();
        return c.QuerySingle<double>("SELECT value FROM v_observations WHERE region_code = @region AND indicator_code = @indicator AND period = @period",
            new { region, indicator, period });
    }

    private static long Count(TempWarehouse wh, string sql)
    {
        using var c = wh.Dialect.OpenReadWrite();
        return c.ExecuteScalar<long>(sql);
    }

    private static readonly string LongCsv = string.Join("\r\n",
        "2023年各地区知识产权统计（长表）,,,,,",
        "地区,指标,年份,数值,单位,备注",
        "宜兴,有效注册商标量,2023年,\"61,234\",件,",
        "新北区,万人发明专利拥有量,2023,８７.５,件/万人,full-width digits",
        "通州区,有效注册商标,2023,2.31万,,scale in the value",
        "南通市通州区,知识产权质押融资,2023年1-6月,12300,万元,",
        "连云港,企业专利授权量占比,2023-06,12.3%,,",
        "溧阳市,发明专利拥有量,2023,—,件,missing marker",
        "",
        "合计,有效注册商标量,2023,999999,件,",
        "注：数据来源于各地市场监管局");

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_long_utf8_csv_with_bom_loads_normalised_values_and_skips_titles_totals_notes_and_missing(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("2023_long.csv");
        File.WriteAllText(path, LongCsv, new UTF8Encoding(true));
        var r = new StatisticsLoader(wh.Dialect).Load(path);
        Assert.True(r.Succeeded, r.Error);
        Assert.Equal(5, r.Loaded);
        Assert.Equal(0, r.Rejected);
        Assert.Equal(61234, Value(wh, "320282", "registered_trademarks", "2023"));
        Assert.Equal(87.5, Value(wh, "320411", "invention_patents_per_10k", "2023"));
        Assert.Equal(23100, Value(wh, "320612", "registered_trademarks", "2023"));
        Assert.Equal(1.23, Value(wh, "320612", "ip_pledge_financing", "2023M1-6"), 6);
        Assert.Equal(12.3, Value(wh, "320700", "enterprise_patent_share", "2023-06"), 6);
        Assert.Equal(0, Count(wh, "SELECT count(*) FROM v_observations WHERE region_code = '320481'")); // — is no value, not zero
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_gb18030_csv_with_english_headers_loads(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = wh.PathOf("gbk.csv");
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes("region,indicator,period,value,unit\r\n宜兴市,专利授权量,2022,10234,件\r\n溧阳,PCT专利申请量,2022,41,件\r\n"));
        var r = new StatisticsLoader(wh.Dialect).Load(path);
        Assert.True(r.Succeeded, r.Error);
        Assert.Equal(2, r.Loaded);
        Assert.Equal(10234, Value(wh, "320282", "patent_grants", "2022"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_wide_xlsx_takes_the_period_from_the_title_row_and_units_from_the_headers(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("wide.xlsx");
        OfficeFiles.Xlsx(path, ("Sheet1", [
            ["2023年各地区知识产权主要指标统计表", "", ""],
            ["地区", "有效注册商标量（万件）", "知识产权质押融资金额（亿元）"],
            ["宜兴市", 6.12, 9.8],
            ["连云港市", "11.2", "—"],
            ["总计", 17.32, 9.8],
        ]), ("2022", [
            ["地区", "有效注册商标量（万件）"],
            ["溧阳", 1.31],
        ]));
        var r = new StatisticsLoader(wh.Dialect).Load(path);
        Assert.True(r.Succeeded, r.Error);
        Assert.Equal(4, r.Loaded);
        Assert.Equal(61200, Value(wh, "320282", "registered_trademarks", "2023"));
        Assert.Equal(112000, Value(wh, "320700", "registered_trademarks", "2023"));
        Assert.Equal(9.8, Value(wh, "320282", "ip_pledge_financing", "2023"));
        Assert.Equal(13100, Value(wh, "320481", "registered_trademarks", "2022")); // period from the sheet name
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Each_bad_row_is_quarantined_with_its_reason_and_location_while_good_rows_load(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("bad.csv");
        File.WriteAllText(path, string.Join("\n",
            "地区,指标,年份,数值,单位",
            "宜兴,专利授权量,2023,100,件",       // good (line 2)
            "北京市,专利授权量,2023,100,件",     // unknown region
            "宜兴,人均GDP,2023,100,元",          // unknown indicator
            "宜兴,发明专利授权量,2023,很多,件",  // bad value
            "宜兴,PCT专利申请量,2023,-5,件",     // negative
            "宜兴,知识产权质押融资,2023,5,件",   // unit does not fit
            "溧阳,专利授权量,2023,200,件",       // contradiction ...
            "溧阳,专利授权量,2023,210,件",       // ... with this one
            "溧阳,发明专利授权量,2023,50,件"));  // good
        var r = new StatisticsLoader(wh.Dialect).Load(path);
        Assert.True(r.Succeeded, r.Error);
        Assert.Equal(2, r.Loaded);
        using var c = wh.Dialect.OpenReadWrite();
        var rejects = c.Query<(string Location, string Reason)>("SELECT location, reason FROM etl_reject ORDER BY reject_id").ToList();
        Assert.Contains(rejects, x => x.Reason.StartsWith("unknown region") && x.Location == "line 3, column 1");
        Assert.Contains(rejects, x => x.Reason.StartsWith("unknown indicator") && x.Location == "line 4, column 2");
        Assert.Contains(rejects, x => x.Reason.StartsWith("bad value") && x.Location == "line 5, column 4");
        Assert.Contains(rejects, x => x.Reason.StartsWith("negative value") && x.Location == "line 6, column 4");
        Assert.Contains(rejects, x => x.Reason.StartsWith("unit mismatch") && x.Location == "line 7, column 4");
        Assert.Equal(2, rejects.Count(x => x.Reason.StartsWith("contradiction")));
        Assert.All(c.Query<string>("SELECT file_name FROM etl_reject"), f => Assert.Equal("bad.csv", f));
        Assert.Equal(7, r.Rejected);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_truncated_xlsx_fails_its_own_batch_naming_the_file_and_other_files_still_load(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var dir = Directory.CreateDirectory(wh.PathOf("inbox")).FullName;
        var good = Path.Combine(dir, "a_good.csv");
        File.WriteAllText(good, "地区,指标,年份,数值\n宜兴,专利授权量,2023,100\n");
        var full = Path.Combine(dir, "full.xlsx");
        OfficeFiles.Xlsx(full, ("S", [["地区", "专利授权量（件）"], ["宜兴", 5.0]]));
        var bytes = File.ReadAllBytes(full);
        File.WriteAllBytes(Path.Combine(dir, "b_truncated.xlsx"), bytes[..(bytes.Length / 2)]);
        File.Delete(full);

        var results = new Ingestor(wh.Dialect).Ingest([dir]);
        var bad = results.Single(x => x.File.EndsWith("b_truncated.xlsx"));
        Assert.False(bad.Succeeded);
        Assert.Contains("b_truncated.xlsx", bad.Error);
        Assert.True(results.Single(x => x.File.EndsWith("a_good.csv")).Succeeded);
        Assert.Equal(1, Count(wh, "SELECT count(*) FROM fact_observation"));
        Assert.Equal(1, Count(wh, "SELECT count(*) FROM etl_batch WHERE status = 'failed' AND error LIKE '%b_truncated.xlsx%'"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_crash_mid_file_leaves_no_partial_rows_and_a_failed_batch(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("crash.csv");
        File.WriteAllText(path, "地区,指标,年份,数值\n宜兴,专利授权量,2021,100\n宜兴,专利授权量,2022,110\n宜兴,专利授权量,2023,120\n");
        var loader = new StatisticsLoader(wh.Dialect) { AfterFigureWritten = n => { if (n == 2) throw new IOException("disk full (simulated)"); } };
        var r = loader.Load(path);
        Assert.False(r.Succeeded);
        Assert.Equal(0, Count(wh, "SELECT count(*) FROM fact_observation"));
        Assert.Equal(0, Count(wh, "SELECT count(*) FROM dim_source"));
        Assert.Equal(1, Count(wh, "SELECT count(*) FROM etl_batch WHERE status = 'failed'"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Loading_the_same_file_again_changes_nothing_and_a_corrected_file_replaces_its_figures(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("monthly.csv");
        File.WriteAllText(path, "地区,指标,年份,数值\n宜兴,专利授权量,2023,100\n溧阳,专利授权量,2023,50\n");
        var first = new StatisticsLoader(wh.Dialect).Load(path);
        var again = new StatisticsLoader(wh.Dialect).Load(path);
        Assert.Equal(2, first.Changed);
        Assert.Equal(0, again.Changed);
        Assert.Equal(2, Count(wh, "SELECT count(*) FROM fact_observation"));

        File.WriteAllText(path, "地区,指标,年份,数值\n宜兴,专利授权量,2023,105\n");
        var corrected = new StatisticsLoader(wh.Dialect).Load(path);
        Assert.Equal(1, corrected.Changed);
        Assert.Equal(105, Value(wh, "320282", "patent_grants", "2023"));
        Assert.Equal(50, Value(wh, "320481", "patent_grants", "2023")); // figures the correction does not carry stay
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Contains("320282 patent_grants 2023: 100 → 105", c.ExecuteScalar<string>("SELECT detail FROM etl_batch WHERE batch_id = @id", new { id = corrected.BatchId }));
    }
}
