using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 3 (issue #15, round 3), each with sentences written for these tests: figures counted over
/// part of a year, reports running on over later paragraphs, bracketed abbreviations inside names and wording variants.</summary>
public class PlanReportPeriodsAndGlossesTests
{
    private const string Head = "常州市知识产权局\n常州市知识产权强市建设行动方案（2023—2026年）\n";

    [Theory]
    [InlineData("据统计,2024年1月至10月,全市专利授权量8200件,其中发明专利2100件。")]
    [InlineData("2024年1-9月,全市专利授权量8200件,其中发明专利2100件。")]
    [InlineData("数据显示,2024年前三季度全市专利授权量8200件,其中发明专利2100件。")]
    [InlineData("2024年上半年全市专利授权量8200件,其中发明专利2100件。")]
    public void Figures_counted_over_part_of_a_year_are_that_years_results(string sentence)
    {
        var t = Rows(Extract(Head + sentence + "\n"));
        Assert.Contains(("patent_grants", "baseline", 2024, 8200.0), t);
        Assert.Contains(("invention_grants", "baseline", 2024, 2100.0), t);
        Assert.DoesNotContain(t, x => x.Item2 != "baseline");
    }

    [Fact]
    public void A_part_year_figure_among_commitments_stays_a_goal()
    {
        var t = Rows(Extract(Head + "力争2026年1月至6月,全市专利授权量达到9000件。\n"));
        Assert.DoesNotContain(t, x => x.Item2 == "baseline");
    }

    [Fact]
    public void A_report_runs_on_over_undated_paragraphs_until_a_heading_or_a_commitment()
    {
        var r = Extract("镇江市“十四五”知识产权发展规划（新闻）\n记者从市场监管局获悉,《规划》正式印发。\n" +
            "截至2020年底,全市有效发明专利1.1万件。\n" +
            "全市每万人口发明专利拥有量32件,有效注册商标量9.8万件。\n" +
            "《规划》提出,到2025年,全市每万人口发明专利拥有量达到45件。\n" +
            "全市有效注册商标量达到15万件。\n");
        var t = Rows(r);
        Assert.Contains(("invention_patents_owned", "baseline", 2020, 11000.0), t);
        Assert.Contains(("invention_patents_per_10k", "baseline", 2020, 32.0), t);
        Assert.Contains(("registered_trademarks", "baseline", 2020, 98000.0), t);
        Assert.Contains(("invention_patents_per_10k", "goal", 2025, 45.0), t);
        Assert.Contains(("registered_trademarks", "goal", 2025, 150000.0), t); // after a commitment the report no longer runs on
    }

    [Fact]
    public void A_heading_ends_a_report()
    {
        var t = Rows(Extract(Head + "一、发展现状\n截至2022年底,全市有效发明专利2.4万件。\n二、主要目标\n全市有效注册商标量达到20万件。\n"));
        Assert.Contains(("invention_patents_owned", "baseline", 2022, 24000.0), t);
        Assert.Contains(("registered_trademarks", "goal", 2026, 200000.0), t);
    }

    [Theory]
    [InlineData("专利密集型产业增加值占地区生产总值(GDP)比重达到14%。")]
    [InlineData("专利密集型产业增加值占地区生产总值（GDP）比重达到14%。")]
    public void A_bracketed_abbreviation_inside_a_name_is_a_gloss(string sentence)
    {
        Assert.Contains(("patent_intensive_gdp_share", "goal", 2026, 14.0), Rows(Extract(Head + sentence + "\n")));
    }

    [Theory]
    [InlineData("维持10年以上有效发明专利数达8000件。", "long_maintained_invention_patents", 8000)]
    [InlineData("维持年限超过10年的有效发明专利量达到8000件。", "long_maintained_invention_patents", 8000)]
    [InlineData("专利执业代理人数量达150人。", "patent_attorneys", 150)]
    [InlineData("执业专利代理师达到150人。", "patent_attorneys", 150)]
    [InlineData("知识产权质押登记金额达到30亿元。", "ip_pledge_financing", 30)]
    [InlineData("有效发明专利拥有量增长至3万件。", "invention_patents_owned", 30000)]
    [InlineData("累计获得中国专利奖12项。", "china_patent_awards", 12)]
    [InlineData("国家地理标志保护产品达到20个。", "gi_protected_products", 20)]
    public void Wording_variants_and_common_indicators_are_known(string sentence, string indicator, double value)
    {
        var t = Rows(Extract(Head + "到2026年," + sentence + "\n"));
        Assert.Contains(t, x => x.Item1 == indicator && x.Item2 == "goal" && x.Item4 == value);
    }

    [Fact]
    public void Geographical_indication_products_are_not_trademarks()
    {
        var t = Rows(Extract(Head + "到2026年,地理标志证明商标达到40件,地理标志保护产品达到20个。\n"));
        Assert.Contains(("gi_trademarks", "goal", 2026, 40.0), t);
        Assert.Contains(("gi_protected_products", "goal", 2026, 20.0), t);
        Assert.Equal(2, t.Count);
    }

    [Fact]
    public void The_present_of_a_dated_page_is_its_publication_year()
    {
        var r = Extract("无锡入选知识产权强市建设示范城市\n来源:无锡日报,2023-09-02\n近日,无锡市印发《无锡市“十四五”知识产权发展规划》。\n截至今年8月底,无锡有效发明专利量在全省率先突破5万件。\n");
        Assert.Equal(2023, r.Header.Published);
        Assert.Contains(("invention_patents_owned", "baseline", 2023, 50000.0), Rows(r));
    }

    [Fact]
    public void A_page_published_after_the_plan_ended_reports_results()
    {
        var r = Extract("常熟市“十四五”知识产权指标回顾（新闻,2026-02）\n全市有效发明专利量增长至2.1万件,专利授权量新增超5万件。\n" +
            "“十五五”期间,常熟将力争每万人口高价值发明专利拥有量达到40件。\n");
        var t = Rows(r);
        Assert.Equal((2021, 2025), (r.Header.StartYear, r.Header.EndYear));
        Assert.Contains(("invention_patents_owned", "baseline", 2025, 21000.0), t);
        Assert.Contains(("patent_grants", "baseline", 2025, 50000.0), t);
        Assert.DoesNotContain(t, x => x.Item1 == "hv_invention_patents_per_10k" && x.Item2 == "baseline");
    }

    [Fact]
    public void A_year_range_is_not_a_page_date()
    {
        Assert.Null(Extract("苏州市知识产权局\n苏州市知识产权强市建设行动方案（2024-2026年）\n到2026年,有效发明专利达到9万件。\n").Header.Published);
    }

    [Fact]
    public void A_small_count_in_Chinese_numerals_is_a_number_and_a_year_end_opens_a_report()
    {
        var t = Rows(Extract(Head + "2022年末全市每万人口高价值发明专利拥有量达两件,国家知识产权示范企业为三家。\n" +
            "到2026年,实现一个突破,国家知识产权示范企业达到十家。\n"));
        Assert.Contains(("hv_invention_patents_per_10k", "baseline", 2022, 2.0), t);
        Assert.Contains(t, x => x.Item2 == "baseline" && x.Item3 == 2022 && x.Item4 == 3.0);
        Assert.Contains(t, x => x.Item2 == "goal" && x.Item3 == 2026 && x.Item4 == 10.0);
        Assert.DoesNotContain(t, x => x.Item4 == 1.0); // 一个 is "a", not a count
    }

    [Theory]
    [InlineData("去年全市每万人口发明专利拥有量为18件,力争2026年达25件。", 2025)]
    [InlineData("2024年底全市每万人口发明专利拥有量达18件,确保2026年达到25件。", 2024)]
    public void A_report_and_a_commitment_in_one_sentence_are_two_passages(string sentence, int reportYear)
    {
        var r = Extract("常州市知识产权局\n常州市知识产权强市建设行动方案（2026—2028年）\n" + sentence + "\n");
        var t = Rows(r);
        Assert.Contains(("invention_patents_per_10k", "baseline", reportYear, 18.0), t);
        Assert.Contains(t, x => x.Item1 == "invention_patents_per_10k" && x.Item2 != "baseline" && x.Item3 == 2026 && x.Item4 == 25.0);
        Assert.Equal(2, t.Count);
    }

    [Fact]
    public void A_plans_own_page_updated_after_it_ended_still_sets_goals()
    {
        var r = Extract("常熟市人民政府\n常熟市“十四五”知识产权发展规划\n更新时间:2026-03-01\n全市有效发明专利量达到2.1万件。\n");
        Assert.Contains(("invention_patents_owned", "goal", 2025, 21000.0), Rows(r));
    }
}
