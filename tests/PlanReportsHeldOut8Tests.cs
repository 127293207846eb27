using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 8 (issue #15, round 9), with sentences written for these tests: which trademark count a
/// bare 注册商标 names, tables of a report by county, a news headline naming a five-year plan's first year, a total after a
/// threshold in words (突破三万大关,共…件), a rank between a result and its growth rate, a report's paragraph
/// about one of its counties, a present result written 目前…已拥有, a range as a target, a purpose
/// (以…为目标) in a report, 发明授权 for invention grants, growth rates written
/// negative or without a level, a share of GDP after an amount, a trend
/// between a name and its figure, counties ranked by growth, a threshold
/// that counted places pass.</summary>
public class PlanReportsHeldOut8Tests
{
    [Fact]
    public void Registered_trademarks_named_without_a_flow_word_are_the_stock_held_not_the_years_registrations()
    {
        var r = Extract("荆州市商标品牌发展规划(2021-2025年)\n荆州市人民政府\n一、发展目标\n" +
            "到2025年,全市注册商标力争突破8万件,驰名商标达到12件。\n");
        Assert.Contains(("registered_trademarks", "goal", 2025, 80000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item1 == "trademark_registrations");
        // A flow word before the bare name keeps the year's registrations.
        var yearly = Extract("荆州市商标品牌发展规划(2021-2025年)\n荆州市人民政府\n一、发展目标\n到2025年,全市每年注册商标不少于6000件。\n");
        Assert.Contains(Rows(yearly), x => x.Item1 == "trademark_registrations" && x.Item4 == 6000.0);
        Assert.DoesNotContain(Rows(yearly), x => x.Item1 == "registered_trademarks");
    }

    [Fact]
    public void A_reports_table_by_county_gives_each_countys_figures_and_growth_rates()
    {
        var r = Extract("2023年宜昌市知识产权统计数据\n宜昌市市场监督管理局,2024-02-10\n一、总体情况\n2023年,全市专利授权量8000件。\n" +
            "2023年全市分县市区专利情况表\n单位:件\n序号 | 县(市、区) | 专利授权量 | 有效发明专利拥有量 |\n完成值 | 同比增长 | 完成值 |\n" +
            "1 | 枝江市 | 820 | -3.50% | 610 |\n2 | 夷陵区 | 1050 | 12.00% | 930 |\n3 | 某某园区 | 99 | 1.00% | 77 |\n" +
            "全市合计 | 8000 | 5.20% | 6200 |\n");
        var rows = r.Targets.Select(t => (t.RegionCode, t.IndicatorCode, t.Measure, t.TargetYear, t.Value)).ToList();
        Assert.Contains(("420583", "patent_grants", "annual", 2023, 820.0), rows);
        Assert.Contains(("420583", "patent_grants", "growth_rate", 2023, -3.5), rows);
        Assert.Contains(("420506", "invention_patents_owned", "stock", 2023, 930.0), rows);
        // The total row is the city's own figure; a place that is no division inside the city is reported, not loaded.
        Assert.Contains(((string?)null, "invention_patents_owned", "stock", 2023, 6200.0), rows);
        Assert.DoesNotContain(rows, x => x.Value == 99.0 || x.Value == 77.0);
        Assert.Contains(r.Unknown, u => u.Phrase.StartsWith("某某园区", StringComparison.Ordinal));
    }

    [Fact]
    public void A_news_headline_hailing_a_five_year_plans_first_year_is_a_report_of_that_year_not_the_plan()
    {
        var r = Extract("（十堰市上半年专利授权增长三成 实现“十四五”开门红）\n某日报讯(记者 王某),2021年7月\n" +
            "本报讯 今年上半年,全市专利授权量2100件,同比增长31%。有效发明专利拥有量达1800件。\n");
        Assert.True(r.Header.IsReport);
        Assert.Contains(("patent_grants", "baseline", 2021, 2100.0), Rows(r));
        Assert.Contains(("invention_patents_owned", "baseline", 2021, 1800.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "goal");
        // A plan that names its own period is still read as the plan.
        var plan = Extract("十堰市“十四五”知识产权发展规划\n十堰市人民政府\n一、发展目标\n到2025年,全市有效发明专利拥有量达到3000件。\n");
        Assert.Contains(("invention_patents_owned", "goal", 2025, 3000.0), Rows(plan));
    }

    [Fact]
    public void A_total_after_a_threshold_in_words_or_after_gong_is_the_years_result()
    {
        var r = Extract("2023年孝感市知识产权工作情况\n孝感市市场监督管理局,2024-03-05\n" +
            "2023年,全市专利申请量突破三万大关,共31250件,同比增长12%。全市授权发明专利共560件。\n");
        Assert.Contains(("patent_applications", "baseline", 2023, 31250.0), Rows(r));
        Assert.Contains(r.Targets, t => t.IndicatorCode == "patent_applications" && t.Measure == "growth_rate" && t.Value == 12.0);
        Assert.Contains(("invention_grants", "baseline", 2023, 560.0), Rows(r));
    }

    [Fact]
    public void A_rank_between_a_result_and_its_change_over_the_year_before_does_not_hide_the_growth_rate()
    {
        var r = Extract("2023年孝感市知识产权工作情况\n孝感市市场监督管理局,2024-03-05\n" +
            "2023年,全市发明专利授权量1200件,居全省第2位,同比增长15.5%。\n");
        Assert.Contains(r.Targets, t => t.IndicatorCode == "invention_grants" && t.Measure == "growth_rate" && t.Value == 15.5);
    }

    [Fact]
    public void A_reports_paragraph_about_one_of_its_counties_gives_that_countys_figures()
    {
        var r = Extract("2023年宜昌市知识产权工作情况\n宜昌市市场监督管理局,2024-02-10\n2023年,全市专利授权量8000件,同比增长6%。\n" +
            "从县市区看,夷陵区成绩突出,全区共申请专利1500件,居全市第1位,同比增长15%;其中发明专利申请420件。\n" +
            "枝江市专利授权量900件。宜昌高新区专利授权量700件。全市有效发明专利拥有量5100件。\n");
        var rows = r.Targets.Select(t => (t.RegionCode, t.IndicatorCode, t.Measure, t.Value)).ToList();
        Assert.Contains(((string?)null, "patent_grants", "annual", 8000.0), rows);
        Assert.Contains(("420506", "patent_applications", "cumulative", 1500.0), rows);
        Assert.Contains(("420506", "patent_applications", "growth_rate", 15.0), rows);
        Assert.Contains(("420506", "invention_applications", "annual", 420.0), rows);
        Assert.Contains(("420583", "patent_grants", "annual", 900.0), rows);
        // A development zone is no division: its figure is not the city's.
        Assert.DoesNotContain(rows, x => x.Value == 700.0);
        Assert.Contains(((string?)null, "invention_patents_owned", "stock", 5100.0), rows);
    }

    [Fact]
    public void A_present_result_written_muqian_yi_yongyou_is_a_baseline_of_the_plans_first_year()
    {
        var r = Extract("襄州区知识产权强区建设工作方案(2024-2026年)\n襄阳市襄州区人民政府\n一、工作目标\n" +
            "目前全区已拥有有效发明专利1200件,其中,驰名商标3件。到2026年,全区有效发明专利达到2000件。\n");
        Assert.Contains(("invention_patents_owned", "baseline", 2024, 1200.0), Rows(r));
        Assert.Contains(("well_known_trademarks", "baseline", 2024, 3.0), Rows(r));
        Assert.Contains(("invention_patents_owned", "goal", 2026, 2000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "goal" && x.Item4 is 1200.0 or 3.0);
    }

    [Fact]
    public void A_range_as_a_target_commits_to_its_lower_bound()
    {
        var r = Extract("鄂州市知识产权强市建设实施方案(2024-2026年)\n鄂州市人民政府\n一、工作目标\n" +
            "到2026年,全市中国驰名商标达到4至6件,PCT国际专利申请量达到50～80件。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "well_known_trademarks", Kind: "goal", Value: 4.0, Comparator: ">=" });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "pct_applications", Kind: "goal", Value: 50.0, Comparator: ">=" });
        Assert.DoesNotContain(r.Targets, t => t.Value is 6.0 or 80.0);
    }

    [Fact]
    public void A_purpose_named_yi_wei_mubiao_does_not_make_a_reports_results_targets()
    {
        var r = Extract("十堰市知识产权工作回顾\n十堰日报,2023-12-20\n" +
            "今年以来,十堰市以创建国家知识产权强市为目标,优化服务,全市共申请专利5200件。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_applications", Kind: "baseline", TargetYear: 2023, Value: 5200.0 });
        Assert.DoesNotContain(r.Targets, t => t.Kind != "baseline");
    }

    [Fact]
    public void Faming_shouquan_counts_invention_patents_granted()
    {
        var r = Extract("十堰市知识产权工作回顾\n十堰日报,2023-12-20\n今年以来,全市授权专利2100件,其中发明授权410件。\n");
        Assert.Contains(("invention_grants", "baseline", 2023, 410.0), Rows(r));
    }

    [Fact]
    public void A_fall_written_as_negative_growth_is_a_negative_growth_rate()
    {
        var r = Extract("2024年上半年荆门市知识产权统计\n荆门市市场监督管理局,2024-07-15\n上半年,全市专利授权量2300件,同比增长-12.4%。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_grants", Measure: "growth_rate", Value: -12.4 });
        Assert.DoesNotContain(r.Targets, t => t.Value == 12.4);
    }

    [Fact]
    public void A_change_over_the_year_before_without_a_level_is_the_years_growth_rate_of_a_result()
    {
        var r = Extract("2024年上半年荆门市知识产权统计\n荆门市市场监督管理局,2024-07-15\n" +
            "上半年,全市商标申请量同比增长9.6%,东宝区专利授权量同比增长21%。\n");
        Assert.Contains(r.Targets, t => t is
            { IndicatorCode: "trademark_applications", Measure: "growth_rate", Value: 9.6, RegionCode: null });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_grants", Measure: "growth_rate", Value: 21.0, RegionCode: "420802" });
        // Among goals a growth rate is a target, read as before.
        var plan = Extract("荆门市知识产权强市建设方案(2024-2026年)\n荆门市人民政府\n一、工作目标\n到2026年,全市商标申请量年均增长8%以上。\n");
        Assert.Contains(plan.Targets, t => t is
            { IndicatorCode: "trademark_applications", Kind: "goal", Measure: "growth_rate", Value: 8.0 });
    }

    [Fact]
    public void An_amount_then_its_share_of_gdp_names_the_share_indicator()
    {
        var r = Extract("2023年随州市知识产权发展状况\n随州市市场监督管理局,2024-04-20\n" +
            "2023年,全市专利密集型产业增加值125亿元,占地区生产总值的比重达11.3%;全社会研发投入18.6亿元,占GDP比重为1.9%。\n");
        Assert.Contains(("patent_intensive_gdp_share", "baseline", 2023, 11.3), Rows(r));
        Assert.Contains(("rd_intensity", "baseline", 2023, 1.9), Rows(r));
    }

    [Fact]
    public void A_trend_between_a_name_and_its_figure_does_not_hide_the_figure()
    {
        var r = Extract("2023年咸宁市知识产权发展状况\n咸宁市市场监督管理局,2024-04-20\n" +
            "2023年,全市商标申请量保持了稳步增长态势,达5120件,同比增长7.5%。\n");
        Assert.Contains(("trademark_applications", "baseline", 2023, 5120.0), Rows(r));
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "trademark_applications", Measure: "growth_rate", Value: 7.5 });
    }

    [Fact]
    public void Counties_ranked_by_growth_give_each_countys_growth_rate_of_the_indicator_just_named()
    {
        var r = Extract("2024年上半年宜昌市知识产权统计\n宜昌市市场监督管理局,2024-07-15\n" +
            "上半年,全市商标申请量1500件,同比增长8%。同比增长排名前三位的县(市、区):夷陵区30.5%、枝江市-1.2%、某某园区9%。\n");
        var rows = r.Targets.Select(t => (t.RegionCode, t.IndicatorCode, t.Measure, t.Value)).ToList();
        Assert.Contains(("420506", "trademark_applications", "growth_rate", 30.5), rows);
        Assert.Contains(("420583", "trademark_applications", "growth_rate", -1.2), rows);
        Assert.Contains(((string?)null, "trademark_applications", "growth_rate", 8.0), rows);
        Assert.DoesNotContain(rows, x => x.Value == 9.0);
    }

    [Fact]
    public void A_threshold_that_counted_places_pass_is_not_a_figure_of_the_region()
    {
        var r = Extract("2023年恩施州知识产权发展状况\n恩施州市场监督管理局,2024-04-20\n" +
            "2023年,全州有3个县市每万人口发明专利拥有量超过5件,全州每万人口发明专利拥有量3.2件。\n");
        Assert.Contains(("invention_patents_per_10k", "baseline", 2023, 3.2), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item4 == 5.0);
    }
}
