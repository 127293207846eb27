using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 4 (issue #15, round 4), with sentences written for these tests: pages without a plan
/// period (news, statistics excerpts, work reports) are read as reports of a year instead of failing whole.</summary>
public class PlanReportsWithoutPeriodTests
{
    [Fact]
    public void A_year_in_the_title_dates_a_statistics_excerpt()
    {
        var r = Extract("无锡市2023年科技创新情况摘录\n发布：无锡市\n全市专利授权量达8600件,其中发明专利授权量1900件。\n");
        Assert.True(r.Header.IsReport);
        Assert.Contains(("patent_grants", "baseline", 2023, 8600.0), Rows(r));
        Assert.Contains(("invention_grants", "baseline", 2023, 1900.0), Rows(r));
    }

    [Theory]
    [InlineData("泰州市召开知识产权工作推进会\n（来源：泰州日报 2022-06-15）\n会议通报,今年以来全市发明专利授权量达640件。\n")]
    [InlineData("泰州市召开知识产权工作推进会\n会议通报,今年以来全市发明专利授权量达640件。\n泰州市市场监管局 二〇二二年六月十五日\n")]
    public void A_publication_date_at_the_top_or_the_end_dates_a_news_page(string text)
    {
        var r = Extract(text);
        Assert.Equal(2022, r.Header.EndYear);
        Assert.Contains(("invention_grants", "baseline", 2022, 640.0), Rows(r));
    }

    [Fact]
    public void A_date_in_the_signature_of_a_long_page_dates_it()
    {
        var filler = string.Concat(Enumerable.Repeat("会议要求各部门密切协作,形成工作合力,推动知识产权工作再上新台阶。\n", 30));
        var r = Extract("泰州市召开知识产权工作推进会\n会议通报,今年以来全市发明专利授权量达640件。\n" + filler + "泰州市市场监管局 2022年6月15日\n");
        Assert.Equal(2022, r.Header.EndYear);
        Assert.Contains(("invention_grants", "baseline", 2022, 640.0), Rows(r));
    }

    [Fact]
    public void The_latest_year_of_the_first_paragraph_dates_a_work_report()
    {
        var r = Extract("宿迁市知识产权工作情况\n2021年以来,全市累计办理专利侵权案件30件,2022年全市专利授权量达5200件。\n");
        Assert.Equal(2022, r.Header.EndYear);
        Assert.Contains(("patent_grants", "baseline", 2022, 5200.0), Rows(r));
    }

    [Fact]
    public void A_figure_with_its_own_earlier_year_in_a_report_is_that_years()
    {
        var r = Extract("宿迁市知识产权工作情况（2022-03-01）\n2021年全市专利授权量达4800件,实现技术合同成交额30亿元。\n");
        Assert.Contains(("patent_grants", "baseline", 2021, 4800.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 != "baseline");
    }

    [Fact]
    public void A_page_without_any_year_still_fails_with_its_reason()
    {
        var e = Assert.Throws<InvalidDataException>(() => Extract("宿迁市召开知识产权联席会议\n5月10日,会议通报全市专利授权量1993件。\n"));
        Assert.Contains("无法识别规划期", e.Message);
    }

    [Fact]
    public void A_start_value_at_the_end_of_a_named_plan_is_that_years_baseline()
    {
        var r = Extract("常州市“十四五”知识产权发展规划\n一、发展基础\n全市每万人口发明专利拥有量从“十二五”末的3.1件增长到9.6件。\n");
        Assert.Contains(("invention_patents_per_10k", "baseline", 2015, 3.1), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "baseline", 2020, 9.6), Rows(r));
    }

    [Fact]
    public void A_news_page_looking_back_on_a_finished_plan_reports_its_last_year()
    {
        var r = Extract("“十三五”期间常州市知识产权工作回顾\n发布：常州日报（2021-04-02）\n" +
            "记者获悉,“十三五”期间常州市知识产权工作成效显著。\n截至2020年底,全市每万人口发明专利拥有量28.5件。\n");
        Assert.Contains(("invention_patents_per_10k", "baseline", 2020, 28.5), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 != "baseline");
    }

    [Fact]
    public void A_month_without_a_year_after_jiezhi_is_the_pages_own_year()
    {
        var r = Extract("常州市知识产权强市建设行动方案（2023—2026年）新闻\n来源：常州日报（2024-09-30）\n" +
            "截至8月份,全市发明专利授权达2100件,完成省定目标71.8%;有效发明专利达9800件,完成省定目标105.3%。\n");
        Assert.Contains(("invention_grants", "baseline", 2024, 2100.0), Rows(r));
        Assert.Contains(("invention_patents_owned", "baseline", 2024, 9800.0), Rows(r));
    }

    [Fact]
    public void A_year_after_the_name_dates_each_number_of_a_schedule_in_one_sentence()
    {
        var r = Extract("湖北省知识产权战略行动计划（2016—2020年）\n二、主要目标\n全省每万人口发明专利拥有量2017年达到4.5件,2020年达到7.5件;\n");
        Assert.Contains(("invention_patents_per_10k", "milestone", 2017, 4.5), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "goal", 2020, 7.5), Rows(r));
    }

    [Fact]
    public void A_year_after_the_name_before_the_plan_is_a_baseline()
    {
        var r = Extract("湖北省知识产权战略行动计划（2016—2020年）\n一、发展基础\n全省专利授权量2015年为2.1万件。\n");
        Assert.Contains(("patent_grants", "baseline", 2015, 21000.0), Rows(r));
    }

    [Fact]
    public void A_past_year_opening_a_sentence_without_a_comma_reports_it()
    {
        var r = Extract("湖北省知识产权战略行动计划（2016—2020年）\n2014年PCT专利申请320件,年增8.5%。\n2015年全省专利授权量为2.1万件。\n");
        Assert.Contains(("pct_applications", "baseline", 2014, 320.0), Rows(r));
        Assert.Contains(("patent_grants", "baseline", 2015, 21000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 != "baseline");
    }

    [Fact]
    public void A_well_known_trademark_count_from_to_gives_both_ends()
    {
        var r = Extract("天津市知识产权事业发展“十三五”规划\n一、发展基础\n中国驰名商标量由40件增至120件,增长200%。\n");
        Assert.Contains(("well_known_trademarks", "baseline", 2010, 40.0), Rows(r));
        Assert.Contains(("well_known_trademarks", "baseline", 2015, 120.0), Rows(r));
    }

    [Fact]
    public void A_county_news_report_reads_technology_deals_in_ten_thousand_yuan()
    {
        var r = Extract("蒲城县知识产权工作取得新进展（新闻报道，2019-05-10）\n记者获悉,今年以来,该县完成技术合同交易1800万元。\n" +
            "2018年全县实现技术成果交易2600万元。\n");
        Assert.Contains(("tech_contract_turnover", "baseline", 2019, 0.18), Rows(r));
        Assert.Contains(("tech_contract_turnover", "baseline", 2018, 0.26), Rows(r));
    }

    [Theory]
    [InlineData("2018年全县申请各类专利95件,其中发明专利41件。", "invention_applications", 41.0)]
    [InlineData("2018年全县专利授权量640件,其中发明专利122件。", "invention_grants", 122.0)]
    public void The_invention_part_of_a_patent_count_is_the_invention_count(string sentence, string code, double value)
    {
        var r = Extract("蒲城县知识产权工作情况（2019-05-10）\n" + sentence + "\n");
        Assert.Contains((code, "baseline", 2018, value), Rows(r));
    }

    [Fact]
    public void A_level_compared_with_an_earlier_year_is_that_years_baseline()
    {
        var r = Extract("临沂市知识产权工作新闻（2024-07-19）\n截至2024年6月底,全市万人有效发明专利9.5件,比2019年底万人有效量3.1件,增长2倍。\n" +
            "全市有效发明专利8000件,比2019年增长2倍。\n");
        Assert.Contains(("invention_patents_per_10k", "baseline", 2024, 9.5), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "baseline", 2019, 3.1), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item3 == 2019 && x.Item1 == "invention_patents_owned");
    }
}
