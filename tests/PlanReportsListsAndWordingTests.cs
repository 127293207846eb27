using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;

using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 2 (issue #15, round 2), each with sentences written for these tests: spans of long
/// outlines, report dates, reviews of the previous period, lists, wording variants, other scripts and numbers that commit nothing.</summary>
public class PlanReportsListsAndWordingTests
{
    private const string Head = "宁波市知识产权局\n宁波市知识产权高质量发展行动方案（2025—2027年）\n三、主要目标\n";

    // ---- goals, milestones and baselines ----

    [Fact]
    public void Figures_for_an_intermediate_year_of_a_long_outline_are_milestones()
    {
        var r = Extract("湖南落实《知识产权强国建设纲要(2021—2035年)》实施方案\n发布机构:湖南省人民政府办公厅\n" +
            "方案提出,到2025年,每万人口高价值发明专利拥有量力争达到9件,有效注册商标量达到120万件。\n" +
            "方案提出,到2035年,知识产权综合竞争力跻身全国前列,基本建成知识产权强省。\n");
        Assert.Equal((2021, 2035), (r.Header.StartYear, r.Header.EndYear));
        Assert.All(r.Targets, t => Assert.Equal(("milestone", 2025), (t.Kind, t.TargetYear)));
        Assert.Equal(2, r.Targets.Count);
    }

    [Fact]
    public void A_plan_of_a_few_years_that_cites_an_outline_keeps_its_own_span()
    {
        var r = Extract("长沙市人民政府\n长沙市贯彻《知识产权强国建设纲要(2021—2035年)》三年行动计划\n" +
            "到2027年,发明专利授权量达到1.2万件;到2035年,基本建成知识产权强市。\n");
        Assert.Equal((2025, 2027), (r.Header.StartYear, r.Header.EndYear));
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "goal", TargetYear: 2027 });
    }

    [Fact]
    public void The_last_day_of_a_consultation_is_not_a_goal_year()
    {
        var r = Extract("关于加快知识产权强市建设的实施意见(征求意见稿)\n发布机构:绍兴市市场监督管理局(2026年3月1日至2026年3月31日公开征求意见)\n" +
            "一、总体要求\n到2028年,有效发明专利拥有量达到5万件。\n");
        Assert.Equal(2028, r.Header.EndYear);
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_owned", Kind: "goal", TargetYear: 2028, Value: 50000 });
    }

    [Fact]
    public void A_past_report_date_makes_its_paragraph_a_baseline_until_a_commitment()
    {
        var r = Extract(Head + "至2024年年底,全市专利授权量连续10年位居全省首位;每万人发明专利拥有量、每万人高价值发明专利拥有量分别达31.2件、9.8件," +
            "居全省第一梯队。方案明确了6类主要任务,并相应界定24项具体工作内容,力争通过三年努力,发明专利授权量达到1.5万件。\n" +
            "截至2024年底,全市有效发明专利3.9万件。《方案》提出,每万人口高价值发明专利拥有量突破12件。\n");
        var t = r.Targets.Select(x => (x.IndicatorCode, x.Kind, x.TargetYear, x.Value)).ToList();
        Assert.Contains(("invention_patents_per_10k", "baseline", 2024, 31.2), t);
        Assert.Contains(("hv_invention_patents_per_10k", "baseline", 2024, 9.8), t);
        Assert.Contains(("invention_grants", "goal", 2027, 15000.0), t);
        Assert.Contains(("invention_patents_owned", "baseline", 2024, 39000.0), t);
        Assert.Contains(("hv_invention_patents_per_10k", "goal", 2027, 12.0), t);
        Assert.Equal(5, t.Count);
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void Figures_as_of_this_year_are_baselines_and_shares_of_another_region_and_durations_are_not_commitments()
    {
        var r = Extract(Head + "截至今年上半年,宁波每万人发明专利拥有量为36.5件,商标有效注册量为52万件;累计培育知识产权服务机构40家,约占全省的12%。\n" +
            "快维中心将外观专利授权周期从3—6个月缩短到7个工作日。到2027年,知识产权服务机构达到60家,约占全省的15%。\n");
        var t = r.Targets.Where(x => x.Kind == "baseline").ToDictionary(x => x.IndicatorCode);
        Assert.Equal(("baseline", 2025, 36.5), (t["invention_patents_per_10k"].Kind, t["invention_patents_per_10k"].TargetYear, t["invention_patents_per_10k"].Value));
        Assert.Equal(("baseline", 2025, 520000.0), (t["registered_trademarks"].Kind, t["registered_trademarks"].TargetYear, t["registered_trademarks"].Value));
        Assert.Equal(("baseline", 2025, 40.0), (t["ip_service_agencies"].Kind, t["ip_service_agencies"].TargetYear, t["ip_service_agencies"].Value));
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "ip_service_agencies", Kind: "goal", TargetYear: 2027, Value: 60 });
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void A_review_of_the_previous_plan_gives_baselines_also_for_lists_and_elided_names()
    {
        var r = Extract("嘉兴市人民政府\n嘉兴市知识产权“十五五”规划\n一、规划背景\n" +
            "发明专利申请量、授权量分别从“十三五”期末的0.61万件、0.22万件增长至2025年的1.35万件、0.58万件。" +
            "有效注册商标总量从21.3万件增长到40.6万件。作品版权年登记量从0.8万件增长到2.1万件。\n二、发展目标\n到2030年,发明专利授权量达到1万件。\n");
        var t = r.Targets.Where(x => x.Kind == "baseline" && x.TargetYear == 2025).ToDictionary(x => x.IndicatorCode, x => x.Value);
        Assert.Equal(13500, t["invention_applications"]);
        Assert.Equal(5800, t["invention_grants"]);
        Assert.Equal(406000, t["registered_trademarks"]);
        Assert.Equal(21000, t["copyright_registrations"]);
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_applications", Kind: "baseline", TargetYear: 2020, Value: 6100 });
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "invention_grants", Kind: "goal", TargetYear: 2030, Value: 10000 });
    }

    [Fact]
    public void A_date_after_jiezhi_before_the_last_year_and_already_reached_figures_are_reported_results()
    {
        var r = Extract("福州市知识产权“十四五”规划实施情况\n福州市市场监督管理局\n“十四五”以来,规划实施顺利。截至2023年底,全市有效发明专利拥有量达到2.6万件。" +
            "全市马德里商标注册量已达900件,居全省前列。到2025年,有效发明专利拥有量达到3万件。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_owned", Kind: "baseline", TargetYear: 2023, Value: 26000 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "madrid_registrations", Kind: "baseline", TargetYear: 2021, Value: 900 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_owned", Kind: "goal", TargetYear: 2025, Value: 30000 });
    }

    [Fact]
    public void A_table_pasted_with_bars_is_read_as_a_table()
    {
        var r = Extract(Head + "| 序号 | 指标 | 单位 | 2024年 | 2027年 |\n|---|---|---|---|---|\n| 1 | 发明专利授权量 | 件 | 8000 | 12000 |\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "baseline", TargetYear: 2024, Value: 8000 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "goal", TargetYear: 2027, Value: 12000 });
        Assert.Equal(2, r.Targets.Count);
    }

    [Fact]
    public void A_news_report_takes_the_span_of_the_plan_it_announces_and_a_past_year_opens_a_report()
    {
        var r = Extract("芜湖印发知识产权强市建设行动方案\n来源:芜湖日报 2024-05-10\n近日,芜湖市人民政府办公室印发《芜湖市知识产权强市建设行动方案" +
            "(2024—2026年)》。《方案》提出,到2026年,全市发明专利授权量达到6000件。2023年,全市发明专利授权量4100件,同比增长12%;" +
            "每万人口高价值发明专利拥有量21.5件,居全省第2位。\n");
        Assert.Equal((2024, 2026), (r.Header.StartYear, r.Header.EndYear));
        var t = r.Targets.Select(x => (x.IndicatorCode, x.Kind, x.TargetYear, x.Value)).ToList();
        Assert.Contains(("invention_grants", "goal", 2026, 6000.0), t);
        Assert.Contains(("invention_grants", "baseline", 2023, 4100.0), t);
        Assert.Contains(("hv_invention_patents_per_10k", "baseline", 2023, 21.5), t);
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void A_yearly_work_plan_may_name_its_region_before_its_year()
    {
        var r = Extract("临沂市兰山区2024年知识产权工作要点\n兰山区市场监督管理局\n全年新增发明专利授权量150件以上,培育省级知识产权优势企业5家。\n");
        Assert.Equal((2024, 2024), (r.Header.StartYear, r.Header.EndYear));
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "goal", TargetYear: 2024, Value: 150 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "provincial_ip_advantage_enterprises", Value: 5 });
    }

    [Fact]
    public void A_review_sentence_opening_with_one_year_reports_that_year_not_the_period()
    {
        var r = Extract("西安市人民政府\n西安市知识产权“十四五”发展规划\n一、发展基础\n“十三五”以来,成效显著。2020年,全市专利授权量达到5.1万件,同比增长38%。\n");
        // Round 6: a result followed by its year-on-year change also gives its growth rate, of the same year.
        var t = Assert.Single(r.Targets, x => x.Measure != "growth_rate");
        Assert.Equal(("patent_grants", "baseline", 2020, 2020, "annual"), (t.IndicatorCode, t.Kind, t.TargetYear, t.SpanStart, t.Measure));
        var g = Assert.Single(r.Targets, x => x.Measure == "growth_rate");
        Assert.Equal(("patent_grants", "baseline", 2020, 38.0), (g.IndicatorCode, g.Kind, g.TargetYear, g.Value));
    }

    [Fact]
    public void From_a_to_b_among_goals_gives_a_baseline_and_a_target()
    {
        var r = Extract(Head + "到2027年,全市发明专利授权量从2024年的5000件增加到8000件,每万人口高价值发明专利拥有量由2024年底的30件提高到2026年的38件。\n");
        var t = r.Targets.Select(x => (x.IndicatorCode, x.Kind, x.TargetYear, x.Value)).ToList();
        Assert.Contains(("invention_grants", "baseline", 2024, 5000.0), t);
        Assert.Contains(("invention_grants", "goal", 2027, 8000.0), t);
        Assert.Contains(("hv_invention_patents_per_10k", "baseline", 2024, 30.0), t);
        Assert.Contains(("hv_invention_patents_per_10k", "milestone", 2026, 38.0), t);
    }

    [Fact]
    public void A_dash_in_a_table_keeps_its_column_so_later_figures_keep_their_years()
    {
        var r = Extract(Head + "序号\t指标名称\t单位\t2024年\t2027年目标\t属性\n1\t新增国家知识产权优势示范企业\t家\t—\t30\t预期性\n" +
            "\n表2\n序号\n指标\n2024年\n2027年\n1\n发明专利授权量（件）\n—\n9000\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "national_ip_advantage_demo_enterprises", Kind: "goal", TargetYear: 2027, Value: 30 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "goal", TargetYear: 2027, Value: 9000 });
        Assert.DoesNotContain(r.Targets, t => t.Kind == "baseline");
    }

    [Fact]
    public void A_yearly_work_plan_may_give_its_year_in_brackets_after_its_name()
    {
        var r = Extract("台州市知识产权工作要点（2025年）\n台州市市场监督管理局\n全市新增发明专利授权3500件以上。\n");
        Assert.Equal((2025, 2025), (r.Header.StartYear, r.Header.EndYear));
    }

    // ---- names ----

    [Fact]
    public void A_preposition_before_the_number_and_the_plans_own_region_before_the_name_are_read()
    {
        var r = Extract(Head + "发明专利授权量到2027年达到9000件。到2027年,每万人高价值发明专利拥有量到30件以上,宁波有效发明专利拥有量为6万件,浙江全省专利密集型产业增加值占GDP比重18%以上," +
            "上海每万人发明专利拥有量达到100件。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode);
        Assert.Equal((9000.0, 2027), (t["invention_grants"].Value, t["invention_grants"].TargetYear));
        Assert.Equal(30, t["hv_invention_patents_per_10k"].Value);
        Assert.Equal(60000, t["invention_patents_owned"].Value);
        Assert.Equal(18, t["patent_intensive_gdp_share"].Value);
        // Another region's figure is not this plan's indicator.
        Assert.DoesNotContain(r.Targets, x => x.IndicatorCode == "invention_patents_per_10k");
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("100件"));
    }

    [Fact]
    public void Wording_variants_name_the_same_indicator()
    {
        var r = Extract(Head + "到2027年,新增贯标单位800家,作品版权年登记量达到3万件,发明专利占专利申请总量的比例达到45%," +
            "新培育国家、省、市知识产权示范或优势企业60家以上。通过《企业知识产权管理规范》认证企业达150家以上。\n");
        var t = r.Targets.Where(x => x.Value != 150).ToDictionary(x => x.IndicatorCode, x => x.Value);
        Assert.Equal(800, t["ip_standard_enterprises"]);
        Assert.Equal(30000, t["copyright_registrations"]);
        Assert.Equal(45, t["invention_share_of_applications"]);
        Assert.Equal(60, t["ip_advantage_demo_enterprises_all_levels"]);
        Assert.Contains(r.Targets, x => x is { IndicatorCode: "ip_standard_enterprises", Value: 150 });
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void A_part_named_after_qizhong_takes_the_measure_of_the_whole_before_it()
    {
        var r = Extract(Head + "到2027年,全市专利授权量达到3.5万件,其中发明专利8000件;专利申请量年均增长10%,其中发明专利占30%以上。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode, x => x.Value);
        Assert.Equal(35000, t["patent_grants"]);
        Assert.Equal(8000, t["invention_grants"]);
        Assert.Equal(30, t["invention_share_of_applications"]);
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void A_list_item_after_a_number_keeps_the_head_of_the_name_before_it()
    {
        var r = Extract(Head + "到2027年,每万人口拥有高价值发明专利达到40件,累计新增国家知识产权优势企业30家、示范企业8家," +
            "建成国家级知识产权保护中心1家、快维中心2家。全市每万人发明专利拥有量达到90件、有效发明专利拥有量5万件。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode, x => x.Value);
        Assert.Equal(90, t["invention_patents_per_10k"]);
        Assert.Equal(50000, t["invention_patents_owned"]);
        Assert.Equal(40, t["hv_invention_patents_per_10k"]);
        Assert.Equal(30, t["national_ip_advantage_enterprises"]);
        Assert.Equal(8, t["national_ip_demo_enterprises"]);
        Assert.Equal(2, t["rapid_protection_centers"]);
        Assert.DoesNotContain(r.Targets, x => x.IndicatorCode == "national_ip_advantage_demo_enterprises");
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void A_number_after_two_joined_names_counts_both_and_is_neither_ones()
    {
        var r = Extract(Head + "到2027年,国家级知识产权保护中心和快速维权中心数量达到4个,发明专利授权量达到9000件。\n");
        Assert.Equal("invention_grants", Assert.Single(r.Targets).IndicatorCode);
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("4个"));
    }

    [Fact]
    public void Per_ten_thousand_people_carries_over_to_the_next_item_of_a_list()
    {
        var r = Extract(Head + "到2027年,每万人发明专利拥有量达到95件、高价值发明专利拥有量达到40件。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode, x => x.Value);
        Assert.Equal(95, t["invention_patents_per_10k"]);
        Assert.Equal(40, t["hv_invention_patents_per_10k"]);
        Assert.Equal(2, t.Count);
    }

    [Fact]
    public void Names_the_dictionary_does_not_know_may_open_a_list_without_taking_the_numbers_of_the_known_ones()
    {
        var r = Extract(Head + "到2027年,国家级和省级知识产权优势示范企业、知识产权信息公共服务网点总数分别突破200家、12个。\n");
        var outlets = Assert.Single(r.Targets);
        Assert.Equal(("ip_info_public_service_outlets", 12.0), (outlets.IndicatorCode, outlets.Value));
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("200家"));
    }

    [Fact]
    public void Traditional_script_with_taiwan_terms_is_read_as_simplified_mainland_text()
    {
        var r = Extract("浙江省人民政府\n《浙江省“十四五”智慧財產權發展規劃》\n《規劃》提出,到2025年,智慧財產權保護社會滿意度達82分以上," +
            "萬人高價值發明專利擁有量達15件,新增智慧財產權高層次人才300人。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode, x => x.Value);
        Assert.Equal(82, t["ip_protection_satisfaction"]);
        Assert.Equal(15, t["hv_invention_patents_per_10k"]);
        Assert.Equal(300, t["ip_high_level_talent"]);
    }

    [Fact]
    public void Common_indicators_of_other_plans_are_in_the_dictionary()
    {
        var r = Extract(Head + "到2027年,有效发明专利五年以上维持率达到85%,计算机软件著作权登记量达到3万件,全市专利代理率达85%。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode, x => x.Value);
        Assert.Equal(85, t["invention_patent_5yr_maintenance_rate"]);
        Assert.Equal(30000, t["software_copyright_registrations"]);
        Assert.Equal(85, t["patent_agency_rate"]);
    }

    [Fact]
    public void Numbers_written_with_yu_after_wan_nearly_or_a_thousands_comma_are_read()
    {
        var r = Extract("成都市人民政府\n成都市知识产权“十四五”规划\n一、发展基础\n“十三五”期间，全市有效发明专利近5万件，商标有效注册量1.2万余件，" +
            "知识产权服务机构1,200余家。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode, x => (x.Kind, x.TargetYear, x.Value));
        Assert.Equal(("baseline", 2020, 50000.0), t["invention_patents_owned"]);
        Assert.Equal(("baseline", 2020, 12000.0), t["registered_trademarks"]);
        Assert.Equal(("baseline", 2020, 1200.0), t["ip_service_agencies"]);
    }

    // ---- numbers that commit nothing ----

    [Fact]
    public void Counts_of_tasks_measures_departments_and_indicators_are_not_rejected()
    {
        var r = Extract(Head + "方案制定了21项重点任务和4项保障措施,并相应界定18项具体工作内容,由16个部门分工负责,明确了10个预期性定量指标。\n");
        Assert.Empty(r.Targets);
        Assert.Empty(r.Unknown);
    }
}
