using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 6 (issue #15, round 6), with sentences written for these tests: news pages and work
/// reports that name no plan, the year such a page reports on, and figures a report gives for part of a whole or per head.</summary>
public class PlanNewsReportsTests
{
    [Fact]
    public void A_dated_news_page_that_names_no_plan_reports_one_year_not_five_from_its_date()
    {
        // Its only date is the paper's issue (2025年11月3日): that is no plan period, the page reports 2025.
        var r = Extract("商标数量稳步增长 我市发布年度知识产权“成绩单”\n镇江日报(2025年11月3日 第02版)\n" +
            "本报讯 昨天,我市召开知识产权新闻发布会。目前全市有效商标注册量达31200件,同比增长6.1%。\n");
        Assert.True(r.Header.IsReport);
        Assert.Contains(("registered_trademarks", "baseline", 2025, 31200.0), Rows(r));
    }

    [Fact]
    public void A_page_published_early_in_a_year_reports_the_year_its_first_paragraph_names()
    {
        var r = Extract("镇江专利授权量再创新高\n镇江发布(2024-03-12)\n" +
            "记者从市市场监管局获悉,2023年,镇江发明专利授权量达3150件。\n全年PCT专利申请量达210件。\n");
        Assert.Contains(("invention_grants", "baseline", 2023, 3150.0), Rows(r));
        Assert.Contains(("pct_applications", "baseline", 2023, 210.0), Rows(r));
    }

    [Fact]
    public void A_five_year_period_in_the_first_paragraph_dates_a_report_at_its_last_year()
    {
        var r = Extract("镇江万人发明专利拥有量稳步提升\n转载(2016-01-20)\n" +
            "“十二五”期间,镇江发明专利授权量稳步增长,全市知识产权创造、运用、保护和管理能力明显提升,较好完成了规划确定的各项任务。\n有效发明专利4120件,每万人口发明专利拥有量达12.8件。\n");
        Assert.Contains(("invention_patents_owned", "baseline", 2015, 4120.0), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "baseline", 2015, 12.8), Rows(r));
    }

    [Fact]
    public void Ben_bao_xun_in_the_first_paragraph_marks_a_news_page_looking_back_on_a_finished_plan()
    {
        // The page names 十三五 and was published after it ended: its figures are results at 2020, not 2020 goals.
        var r = Extract("(镇江市知识产权工作回顾)\n江南时报(2021-02-20)\n" +
            "本报讯 (记者 王某)“十三五”以来,镇江市深入实施知识产权战略。\n全市拥有地理标志证明商标12件,驰名商标数量达到21件。\n");
        Assert.True(r.Header.IsNews);
        Assert.Contains(("gi_trademarks", "baseline", 2020, 12.0), Rows(r));
        Assert.Contains(("well_known_trademarks", "baseline", 2020, 21.0), Rows(r));
        Assert.DoesNotContain(r.Targets, t => t.Kind == "goal");
    }

    [Fact]
    public void A_range_followed_by_qijian_in_the_body_is_a_reporting_period_not_the_plan_span()
    {
        var r = Extract("(镇江市京口区知识产权工作成效)\n镇江市市场监督管理局(scjgj.zhenjiang.gov.cn/content/post_1234567.html)\n" +
            "2023年5月8日,京口区召开知识产权大会,总结近年来知识产权创造、运用、保护、管理和服务工作,部署下一阶段重点任务。\n" +
            "2021至2022年期间,京口区专利授权共计5120件,知识产权质押融资12.5亿元,全区知识产权工作取得明显成效。\n");
        Assert.True(r.Header.IsReport);
        Assert.DoesNotContain(r.Targets, t => t.Kind is "goal" or "milestone");
    }

    [Fact]
    public void A_day_first_date_dates_a_page()
    {
        var r = Extract("镇江市专利工作成效显著\n转载(example.com,15.03.2017)\n今年以来,全市有效发明专利已达96件。\n");
        Assert.Equal(2017, r.Header.EndYear);
        Assert.Contains(("invention_patents_owned", "baseline", 2017, 96.0), Rows(r));
    }

    private const string Report = "镇江市2023年知识产权发展状况\n镇江发布(2024-04-20)\n" +
        "记者从市市场监管局获悉,2023年,镇江知识产权各项工作取得明显成效,创造、运用、保护水平持续提升。\n";

    [Fact]
    public void A_fraction_after_a_count_name_is_the_per_head_rate_whose_words_were_left_out()
    {
        // 1.9件 cannot be a count of patents: after a per-10k item it is that rate too, never the count.
        var rows = Rows(Extract(Report + "全市每万人口发明专利拥有量达到42.5件,高价值发明专利拥有量1.9件。\n"));
        Assert.Contains(("hv_invention_patents_per_10k", "baseline", 2023, 1.9), rows);
        Assert.DoesNotContain(rows, r => r.Item1 == "hv_invention_patents_owned");
        // Standing alone it is dropped, not loaded as the count.
        Assert.DoesNotContain(Rows(Extract(Report + "全市高价值发明专利拥有量2.7件。\n")), r => r.Item1 == "hv_invention_patents_owned");
    }

    [Fact]
    public void A_subject_that_narrows_a_name_goes_on_over_the_next_clause()
    {
        // 企业 narrows both: the enterprises' grants are not the region's grants.
        var rows = Rows(Extract(Report + "全市专利授权量18000件。其中企业申请专利9100件,授权专利6100件。\n"));
        Assert.Contains(("patent_grants", "baseline", 2023, 18000.0), rows);
        Assert.DoesNotContain(rows, r => r.Item4 == 6100.0 || r.Item4 == 9100.0);
    }

    [Fact]
    public void A_running_total_of_a_flow_in_a_one_year_report_is_not_loaded()
    {
        var rows = Rows(Extract(Report + "全年商标注册5200件,累计商标注册已达61000件。\n"));
        Assert.Contains(("trademark_registrations", "baseline", 2023, 5200.0), rows);
        Assert.DoesNotContain(rows, r => r.Item4 == 61000.0);
    }

    [Fact]
    public void A_result_followed_by_its_change_over_the_year_before_also_gives_its_growth_rate()
    {
        var rows = Extract(Report + "全市有效发明专利拥有量8200件,同比增长18.5%;发明专利授权量1900件,较上年增长12%。\n").Targets;
        Assert.Contains(rows, t => t is { IndicatorCode: "invention_patents_owned", Measure: "growth_rate", Kind: "baseline", TargetYear: 2023, Value: 18.5 });
        Assert.Contains(rows, t => t is { IndicatorCode: "invention_grants", Measure: "growth_rate", TargetYear: 2023, Value: 12.0 });
        Assert.Contains(rows, t => t is { IndicatorCode: "invention_patents_owned", Measure: "stock", Value: 8200.0 });
    }

    [Fact]
    public void A_list_of_results_followed_by_a_list_of_changes_gives_one_rate_each()
    {
        var rows = Extract(Report + "全市专利申请量、授权量分别为21000件、12000件,同比增长8.2%、15.4%。\n").Targets;
        Assert.Contains(rows, t => t is { IndicatorCode: "patent_applications", Measure: "growth_rate", Value: 8.2 });
        Assert.Contains(rows, t => t is { IndicatorCode: "patent_grants", Measure: "growth_rate", Value: 15.4 });
    }

    [Fact]
    public void Growth_against_an_earlier_period_or_a_target_growth_is_not_a_reported_yearly_rate()
    {
        // The paragraph compares with the end of the previous plan: growth since then, not over one year.
        var rows = Extract(Report + "与“十二五”末相比,全市专利申请量达到21000件、增长了120%;有效注册商标量达到56000件、增长了80%。\n").Targets;
        Assert.DoesNotContain(rows, t => t.Measure == "growth_rate");
        // A multiple or a share after the number is not a growth rate either.
        var more = Extract(Report + "全市专利授权量12000件,占全省的9.5%。\n").Targets;
        Assert.DoesNotContain(more, t => t.Measure == "growth_rate");
    }

    [Fact]
    public void A_news_dateline_with_a_prefecture_and_a_colon_names_the_county_after_it()
    {
        var r = Extract("泉州:晋江市商标工作成效显著\n转载(example.com,2019-05-06)\n今年以来,晋江市有效注册商标量达到15万件,继续保持全省县级首位,商标品牌建设成效明显。\n");
        Assert.Equal("晋江市", r.Header.Region.RegionName);
    }

    [Theory]
    [InlineData("全市PCT国际申请45件。", "pct_applications", 45.0)]
    [InlineData("全市专利申请受理31000件。", "patent_applications", 31000.0)]
    [InlineData("全市发明专利申请受理5200件。", "invention_applications", 5200.0)]
    [InlineData("全市马德里国际注册商标33件。", "madrid_registrations", 33.0)]
    [InlineData("全市地理标志产品9个。", "gi_protected_products", 9.0)]
    [InlineData("全市有效发明专利1.2万件,其中10年以上有效发明专利拥有量达到2300件。", "long_maintained_invention_patents", 2300.0)]
    public void Common_names_of_reported_figures_are_in_the_dictionary(string sentence, string indicator, double value)
    {
        Assert.Contains((indicator, "baseline", 2023, value), Rows(Extract(Report + sentence + "\n")));
    }

    [Fact]
    public void The_granting_office_and_an_awards_session_before_a_name_do_not_narrow_it()
    {
        var rows = Rows(Extract(Report + "全市获得国家知识产权局授权专利9400件。获得第二十三届中国专利奖6项。\n"));
        Assert.Contains(("patent_grants", "baseline", 2023, 9400.0), rows);
        Assert.Contains(("china_patent_awards", "baseline", 2023, 6.0), rows);
    }

    [Fact]
    public void The_invention_part_may_follow_the_growth_of_the_whole_and_has_its_own_growth()
    {
        var rows = Extract(Report + "授权专利9400件,同比增长11.2%,其中发明专利2100件,同比增长30.5%。\n").Targets;
        Assert.Contains(rows, t => t is { IndicatorCode: "invention_grants", Measure: not "growth_rate", Value: 2100.0 });
        Assert.Contains(rows, t => t is { IndicatorCode: "invention_grants", Measure: "growth_rate", Value: 30.5 });
        Assert.Contains(rows, t => t is { IndicatorCode: "patent_grants", Measure: "growth_rate", Value: 11.2 });
    }

    [Fact]
    public void A_round_threshold_in_words_before_the_figure_is_skipped()
    {
        var rows = Rows(Extract(Report + "全市发明专利授权量首次突破千件,达1210件。\n"));
        Assert.Contains(("invention_grants", "baseline", 2023, 1210.0), rows);
    }

    [Fact]
    public void Xinjiang_is_its_own_place_before_a_name_and_a_target_met_is_a_report()
    {
        var r = Extract("新疆维吾尔自治区专利工作综述\n转载(2016-03-01)\n“十二五”期间,新疆万人发明专利拥有量达1.5件,圆满完成自治区“十二五”规划提出的1.2件目标任务。\n" +
            "2015年,新疆PCT国际申请30件。\n");
        var rows = Rows(r);
        Assert.Contains(("invention_patents_per_10k", "baseline", 2015, 1.5), rows);
        Assert.Contains(("pct_applications", "baseline", 2015, 30.0), rows);
        Assert.DoesNotContain(r.Targets, t => t.Kind == "goal");
    }

    [Fact]
    public void A_period_stated_in_a_report_dates_its_figures_and_the_undated_sentences_after_it()
    {
        var r = Extract("(京口区知识产权工作成效)\n镇江市市场监督管理局(scjgj.zhenjiang.gov.cn/content/post_1234567.html)\n" +
            "2023年5月8日,京口区召开知识产权大会,总结近年来知识产权创造、运用、保护、管理和服务工作,部署下一阶段重点任务。\n" +
            "2023至2024年期间,京口区专利授权共计5120件;知识产权质押融资12.5亿元,增长35%;累计商标注册已达9000件。\n");
        var t = r.Targets;
        Assert.Contains(t, x => x is { IndicatorCode: "patent_grants", Kind: "baseline", TargetYear: 2024, SpanStart: 2023, Value: 5120.0 });
        Assert.Contains(t, x => x is { IndicatorCode: "ip_pledge_financing", Kind: "baseline", TargetYear: 2024, Value: 12.5 });
        Assert.Contains(t, x => x is { IndicatorCode: "ip_pledge_financing", Measure: "growth_rate", TargetYear: 2024, Value: 35.0 });
        Assert.DoesNotContain(t, x => x.Value == 9000.0); // a running total since records began: neither the period's flow nor the stock
    }

    [Fact]
    public void Targets_the_text_calls_a_stage_are_milestones()
    {
        // A news page on a plan whose end year it does not give: its only year is the stage's.
        var r = Extract("镇江市明确知识产权强市建设阶段性目标\n来源:镇江日报\n" +
            "记者了解到,《实施意见》明确了阶段性目标:力争到2025年,全市有效注册商标达到12万件、地理标志商标20件。\n");
        Assert.Contains(("registered_trademarks", "milestone", 2025, 120000.0), Rows(r));
        Assert.DoesNotContain(r.Targets, t => t.Kind == "goal");
    }

    [Fact]
    public void Advantage_and_demonstration_enterprises_named_in_full_with_one_number_are_the_joint_count()
    {
        var rows = Rows(Extract(Report + "全市共有国家知识产权优势企业和示范企业36家。\n"));
        Assert.Contains(("national_ip_advantage_demo_enterprises", "baseline", 2023, 36.0), rows);
    }

    [Fact]
    public void A_share_of_the_whole_may_stand_between_a_result_and_its_growth()
    {
        var rows = Extract(Report + "全市专利授权量12000件,其中发明专利授权量2600件,占授权总量21.67%,同比增长14.2%。\n").Targets;
        Assert.Contains(rows, t => t is { IndicatorCode: "invention_grants", Measure: "growth_rate", Value: 14.2 });
    }

    [Fact]
    public void Infringement_cases_handled_are_administrative_cases()
    {
        Assert.Contains(("ip_admin_cases", "baseline", 2023, 73.0), Rows(Extract(Report + "全年查处知识产权侵权违法案件73件。\n")));
    }

    [Fact]
    public void Two_results_then_both_changes_over_the_year_before_give_one_rate_each()
    {
        var rows = Extract(Report + "2023年,全市商标注册量达到8100件,专利授权量达到5300件,两项数据较2022年分别增长4.2%和9.8%。\n").Targets;
        Assert.Contains(rows, t => t is { IndicatorCode: "trademark_registrations", Measure: "growth_rate", TargetYear: 2023, Value: 4.2 });
        Assert.Contains(rows, t => t is { IndicatorCode: "patent_grants", Measure: "growth_rate", TargetYear: 2023, Value: 9.8 });
        // Against an older base it is growth over several years: not a yearly rate.
        var older = Extract(Report + "2023年,全市商标注册量达到8100件,专利授权量达到5300件,两项数据较2020年分别增长14.2%和29.8%。\n").Targets;
        Assert.DoesNotContain(older, t => t.Measure == "growth_rate");
    }

    [Fact]
    public void A_stock_reported_with_its_change_over_the_year_before_in_its_unit_gives_the_increment()
    {
        var rows = Extract(Report + "全市有效发明专利已达460件,同比增加57件,每万人口发明专利拥有量达3.2件。\n").Targets;
        Assert.Contains(rows, t => t is { IndicatorCode: "invention_patents_owned", Measure: "increment", Kind: "baseline", TargetYear: 2023, Value: 57.0 });
        // Against the end of an earlier plan it is not one year's increase.
        var older = Extract(Report + "全市有效发明专利已达460件,较“十三五”末增加257件。\n").Targets;
        Assert.DoesNotContain(older, t => t.Value == 257.0);
    }
}
