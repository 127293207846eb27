using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 11 (issue #15, round 11), with sentences written for these tests: a report's sentence
/// dated by a year before the report's own dates the undated sentences after it; plans a news page lists among a year's work
/// further down are not the page's plan; a page's date in the furniture before its first paragraph, or a bare year with a remark
/// after it, dates a report.</summary>
public class PlanReportsHeldOut11Tests
{
    // A closing paragraph long enough that the page's foot (where a date is also looked for) holds no date.
    private const string Tail = "下一步,该区将继续加大知识产权工作力度,不断增强创新主体的知识产权创造能力,提升知识产权运用效益和保护水平," +
        "推动知识产权服务业发展,营造尊重知识、崇尚创新、诚信守法的良好氛围,为区域经济高质量发展提供有力支撑和坚实保障," +
        "努力把知识产权工作提高到新的水平,为建设创新型城市作出新的更大贡献。\n";

    [Fact]
    public void A_reports_sentence_dated_by_an_earlier_year_dates_the_undated_sentences_after_it()
    {
        var r = Extract("岳阳市2021年一季度知识产权工作新闻\n岳阳日报 2021-04-10\n" +
            "据介绍,2020年,该市专利授权量5120件,有效发明专利达2210件;知识产权质押融资1.2亿元。全年专利申请量9000件。\n" +
            "2021年1—3月,全市专利授权量800件。\n");
        Assert.True(r.Header.IsReport);
        Assert.Equal(2021, r.Header.EndYear);
        Assert.Contains(("patent_grants", "baseline", 2020, 5120.0), Rows(r));
        Assert.Contains(("ip_pledge_financing", "baseline", 2020, 1.2), Rows(r));
        Assert.Contains(("patent_applications", "baseline", 2020, 9000.0), Rows(r));
        // A part of a year names its own date: it does not take the year before.
        Assert.Contains(("patent_grants", "baseline", 2021, 800.0), Rows(r));
        // A year a stretch of time starts from dates nothing after it.
        var since = Extract("岳阳市2021年一季度知识产权工作新闻\n岳阳日报 2021-04-10\n" +
            "2019年以来,该市累计办理专利侵权案件120件。全市有效发明专利达2500件。\n");
        Assert.Contains(("invention_patents_owned", "baseline", 2021, 2500.0), Rows(since));
    }

    [Fact]
    public void Plans_a_news_page_lists_among_the_years_work_further_down_do_not_give_it_a_plan_period()
    {
        var r = Extract("（曲靖市2023年商标注册量增速全省第二 新闻）\n曲靖新闻网 2024-02-20\n" +
            "近日,记者从曲靖市市场监管局获悉,曲靖市2023年发明专利授权量为320件,同比增长18.5%。\n" +
            "2023年,曲靖市出台了《曲靖市知识产权“十四五”保护和运用规划》《曲靖市知识产权强市建设推进计划(2023—2024年)》等文件。" +
            "全市有效注册商标达41000件,同比增长12.3%。\n");
        Assert.True(r.Header.IsReport);
        Assert.Equal(2023, r.Header.EndYear);
        Assert.Contains(("invention_grants", "baseline", 2023, 320.0), Rows(r));
        Assert.Contains(("registered_trademarks", "baseline", 2023, 41000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 != "baseline");
    }

    [Fact]
    public void A_date_in_the_furniture_before_the_first_paragraph_or_a_bare_year_with_a_remark_dates_a_report()
    {
        var r = Extract("衡阳市蒸湘区获评知识产权强县\n" +
            "衡阳新闻网 2021-11-08 (通讯员 王某; reposted from the district government's site, whose page is gone)\n" +
            "2021-11-08 10:12:40 衡阳新闻网\n" +
            "衡阳新闻网11月8日讯(通讯员 王某)近日,蒸湘区入选湖南省知识产权建设强县名单。\n" +
            "近年来,蒸湘区专利申请量1200件,发明专利授权量150件。\n" + Tail);
        Assert.True(r.Header.IsReport);
        Assert.Equal(2021, r.Header.EndYear);
        Assert.Contains(("patent_applications", "baseline", 2021, 1200.0), Rows(r));
        var bare = Extract("(日照市公布1-6月知识产权数据 新闻)\n日照新闻网 (日照融媒), 2023 (the page gives no date; the year is from the repost)\n" +
            "日照新闻网讯 近日,日照市市场监管局公布1-6月我市知识产权数据。\n今年1-6月,全市发明专利授权量900件。\n" + Tail);
        Assert.True(bare.Header.IsReport);
        Assert.Equal(2023, bare.Header.EndYear);
        Assert.Contains(("invention_grants", "baseline", 2023, 900.0), Rows(bare));
    }

    [Fact]
    public void Now_and_domestic_before_a_name_narrow_nothing()
    {
        var r = Extract("宁德市知识产权新闻\n闽东日报 2023-06-02\n" +
            "宁德市是全省海洋经济发展的排头兵,现拥有国家知识产权优势企业12家、省知识产权优势企业30家。\n" +
            "2022年,全市国内专利授权量6230件、同比增长9.4%。\n");
        Assert.Contains(("national_ip_advantage_enterprises", "baseline", 2023, 12.0), Rows(r));
        Assert.Contains(("patent_grants", "baseline", 2022, 6230.0), Rows(r));
        Assert.Contains(r.Targets, t => t.IndicatorCode == "patent_grants" && t.Measure == "growth_rate" && t.Value == 9.4);
    }

    [Fact]
    public void A_name_glued_to_the_end_of_another_is_a_compound_the_dictionary_does_not_know()
    {
        var r = Extract("宁德市知识产权新闻\n闽东日报 2023-06-02\n" +
            "宁德市是全省海洋经济发展的排头兵,现拥有地理标志集体商标和证明商标9件。\n全市有效注册商标达52000件,集体商标和证明商标21件。\n");
        Assert.DoesNotContain(r.Targets, t => t.Value == 9.0);
        Assert.Contains(("collective_certification_marks", "baseline", 2023, 21.0), Rows(r));
        Assert.Contains(("registered_trademarks", "baseline", 2023, 52000.0), Rows(r));
    }

    [Fact]
    public void A_verb_before_the_thing_applied_for_and_a_certification_passed_name_indicators()
    {
        var r = Extract("宁德市知识产权新闻\n闽东日报 2023-06-02\n" +
            "据悉,2022年,全市全年共申请发明专利2150件,同比增长12.6%;6家企业通过知识产权贯标认证。\n");
        Assert.Contains(("invention_applications", "baseline", 2022, 2150.0), Rows(r));
        Assert.Contains(r.Targets, t => t.IndicatorCode == "invention_applications" && t.Measure == "growth_rate" && t.Value == 12.6);
        Assert.Contains(("ip_standard_enterprises", "baseline", 2022, 6.0), Rows(r));
    }

    [Fact]
    public void A_past_year_opening_a_sentence_without_a_comma_dates_the_undated_clause_after_it()
    {
        var r = Extract("宣城市“十四五”科技创新规划\n宣城市科学技术局\n一、发展成效\n" +
            "创新能力稳步增强。2019年技术合同成交额8.6亿元,比2016年增长了4倍;专利申请量和授权量分别达到4200件、2600件。\n" +
            "二、发展目标\n到2025年,全市发明专利授权量达到900件。\n");
        Assert.Contains(("patent_applications", "baseline", 2019, 4200.0), Rows(r));
        Assert.Contains(("patent_grants", "baseline", 2019, 2600.0), Rows(r));
        Assert.Contains(("invention_grants", "goal", 2025, 900.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "goal" && x.Item4 is 4200.0 or 2600.0);
    }

    [Fact]
    public void Changes_over_the_year_before_after_joined_names_or_against_its_end_are_each_results_growth()
    {
        var r = Extract("宁德市知识产权新闻\n闽东日报 2023-06-02\n" +
            "2022年,全市专利申请1830件,专利授权1210件,专利申请量和授权量分别同比增长14.2%和9.7%。\n" +
            "全市有效发明专利拥有量5630件,比2021年年底增长16.4%,每万人口有效发明专利拥有量达17.5件;" +
            "有效注册商标52000件,比2019年年底增长40.2%。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_applications", Measure: "growth_rate", Value: 14.2, TargetYear: 2022 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_grants", Measure: "growth_rate", Value: 9.7, TargetYear: 2022 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_owned", Measure: "growth_rate", Value: 16.4, TargetYear: 2022 });
        // Against an earlier year's end it is growth over more than a year: not the year's rate.
        Assert.DoesNotContain(r.Targets, t => t.Value == 40.2);
    }

    [Fact]
    public void The_full_name_of_pct_filings_and_a_report_heading_towards_a_target_are_read_as_results()
    {
        var r = Extract("(漳州市知识产权工作新闻)\n闽南日报 2023-03-15\n" +
            "漳州市向国家知识产权强市建设目标又迈进一步,2022年全市每万人口发明专利拥有量9.2件,比上年提高1.1件。\n" +
            "全年专利合作条约(PCT)国际专利申请量达46件。\n");
        Assert.True(r.Header.IsReport);
        Assert.Contains(("invention_patents_per_10k", "baseline", 2022, 9.2), Rows(r));
        Assert.Contains(("pct_applications", "baseline", 2022, 46.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 != "baseline");
    }

    [Fact]
    public void Dated_figures_in_brackets_after_a_target_are_its_milestones_or_baseline()
    {
        var r = Extract("德州市知识产权强市建设推进计划(2024—2026年)\n德州市人民政府办公室\n" +
            "到2026年,全市有效发明专利拥有量达到9000件(2024年底达7600件、2025年底达8300件)," +
            "每万人口高价值发明专利拥有量达到6件(2023年为3.9件)。\n");
        Assert.Contains(("invention_patents_owned", "goal", 2026, 9000.0), Rows(r));
        Assert.Contains(("invention_patents_owned", "milestone", 2024, 7600.0), Rows(r));
        Assert.Contains(("invention_patents_owned", "milestone", 2025, 8300.0), Rows(r));
        Assert.Contains(("hv_invention_patents_per_10k", "baseline", 2023, 3.9), Rows(r));
        Assert.Empty(r.Unknown);
    }
}
