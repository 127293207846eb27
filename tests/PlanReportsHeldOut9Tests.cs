using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 9 (issue #15, round 10), with sentences written for these tests: a news page that says a
/// five-year plan's task was completed early and gives its date as a bare year; a review titled 基础与形势 with period totals
/// and their growth written 分别比增; a level compared with the end of an earlier five-year plan; one growth rate after joined
/// names (A和B年均增长N%, with an elided head: 金额和项目数); indicators real plans commonly set, added to the dictionary; a present
/// figure written 现有; counts of a report after 共有 and counts of titles awarded (N家企业获评…).</summary>
public class PlanReportsHeldOut9Tests
{
    [Fact]
    public void A_plan_task_completed_early_makes_a_news_page_a_report_of_its_year_not_the_plan()
    {
        var r = Extract("(江门市知识产权工作取得新成效)\n江门日报(记者 某某), 2023\n" +
            "近年来,江门市知识产权工作成效明显,建成1个国家级知识产权保护中心。\n" +
            "全市有效发明专利拥有量8800件,提前完成“十四五”规划目标任务。\n");
        Assert.True(r.Header.IsReport);
        Assert.Contains(("invention_patents_owned", "baseline", 2023, 8800.0), Rows(r));
        Assert.Contains(("ip_protection_centers", "baseline", 2023, 1.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "goal");
    }

    [Fact]
    public void A_review_titled_jichu_yu_xingshi_gives_the_last_periods_totals_and_their_growth_as_baselines()
    {
        var r = Extract("泉州市“十三五”知识产权发展规划\n泉州市人民政府\n一、基础与形势\n(一)基础\n" +
            "“十二五”期间,全市专利申请量和授权量分别为120000件和90000件,分别比增85.5%和76.2%。\n" +
            "二、发展目标\n到2020年,全市有效发明专利拥有量达到20000件。\n");
        Assert.Contains(("patent_applications", "baseline", 2015, 120000.0), Rows(r));
        Assert.Contains(r.Targets, t => t.IndicatorCode == "patent_applications" && t.Measure == "growth_rate" && t.Value == 85.5);
        Assert.Contains(r.Targets, t => t.Kind == "baseline" && t.Measure == "growth_rate" && t.Value == 76.2);
        Assert.Contains(("invention_patents_owned", "goal", 2020, 20000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "goal" && x.Item4 == 120000.0);
    }

    [Fact]
    public void A_level_compared_with_an_earlier_five_year_plans_end_is_that_years_baseline()
    {
        var r = Extract("泉州市“十四五”知识产权发展规划\n泉州市人民政府\n一、发展基础\n" +
            "截至2020年底,全市每万人口发明专利拥有量达到11.2件,比“十二五”末的5.6件增长一倍。\n");
        Assert.Contains(("invention_patents_per_10k", "baseline", 2020, 11.2), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "baseline", 2015, 5.6), Rows(r));
    }

    [Fact]
    public void A_growth_rate_after_joined_names_is_each_names_rate()
    {
        var r = Extract("临沂市知识产权强市建设实施方案(2024-2026年)\n临沂市人民政府\n一、工作目标\n" +
            "到2026年,发明专利申请量和授权量年均增长12%以上,知识产权质押融资金额和项目数年均增幅不低于20%。\n");
        Assert.Contains(r.Targets, t => t.IndicatorCode == "invention_applications" && t.Measure == "growth_rate" && t.Value == 12.0);
        Assert.Contains(r.Targets, t => t.IndicatorCode == "invention_grants" && t.Measure == "growth_rate" && t.Value == 12.0);
        Assert.Contains(r.Targets, t => t.IndicatorCode == "ip_pledge_financing" && t.Measure == "growth_rate" && t.Value == 20.0);
        Assert.Contains(r.Targets, t => t.IndicatorCode == "ip_pledge_projects" && t.Measure == "growth_rate" && t.Value == 20.0);
        // A count after joined names still counts both together: neither name's figure.
        var joint = Extract("临沂市知识产权强市建设实施方案(2024-2026年)\n临沂市人民政府\n一、工作目标\n" +
            "到2026年,建成国家级知识产权保护中心和快速维权中心3个。\n");
        Assert.DoesNotContain(joint.Targets, t => t.Value == 3.0);
    }

    [Fact]
    public void Indicators_real_plans_commonly_set_are_read_by_their_usual_names()
    {
        var r = Extract("临沂市知识产权强市建设实施方案(2024-2026年)\n临沂市人民政府\n一、工作目标\n" +
            "到2026年,知识产权民事一审案件服判息诉率达到88%,知识产权转让许可次数年均增长10%以上,新增市级知识产权优势企业30家," +
            "使用地理标志专用标志的市场主体超过500家,建成国家地理标志产品保护示范区2个,贯彻知识产权管理规范的企业新增60家。\n");
        Assert.Contains(("ip_civil_first_instance_acceptance_rate", "goal", 2026, 88.0), Rows(r));
        Assert.Contains(("ip_transfers_licences", "goal", 2026, 10.0), Rows(r));
        Assert.Contains(("city_ip_advantage_enterprises", "goal", 2026, 30.0), Rows(r));
        Assert.Contains(("gi_special_mark_users", "goal", 2026, 500.0), Rows(r));
        Assert.Contains(("gi_protection_demo_zones", "goal", 2026, 2.0), Rows(r));
        Assert.Contains(("ip_standard_enterprises", "goal", 2026, 60.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item1 == "patent_transfers_licences" || x.Item1 == "provincial_ip_advantage_enterprises");
    }

    [Fact]
    public void A_figure_written_xianyou_is_the_present_result_not_a_target()
    {
        var r = Extract("芜湖市知识产权强市建设三年行动方案(2025-2027年)\n芜湖市人民政府\n" +
            "据了解,全市现有有效发明专利2.1万件,每万人口发明专利拥有量55.2件。依托现有平台,到2027年,有效发明专利拥有量达到3万件。\n");
        Assert.Contains(("invention_patents_owned", "baseline", 2025, 21000.0), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "baseline", 2025, 55.2), Rows(r));
        Assert.Contains(("invention_patents_owned", "goal", 2027, 30000.0), Rows(r));
    }

    [Fact]
    public void A_reports_counts_after_gongyou_and_titles_awarded_are_those_titles_counts()
    {
        var r = Extract("2024年绍兴市知识产权工作情况\n绍兴市市场监督管理局,2024-12-20\n" +
            "目前,全市共有15家国家知识产权示范企业、60家国家知识产权优势企业。\n");
        var awarded = Extract("2024年绍兴市知识产权工作情况\n绍兴市市场监督管理局,2024-12-20\n" +
            "截至目前,全市累计已有8个县区被评为知识产权强县,32家企业获评国家知识产权优势企业。\n");
        Assert.Contains(("national_ip_advantage_enterprises", "baseline", 2024, 32.0), Rows(awarded));
        Assert.Contains(("national_ip_demo_enterprises", "baseline", 2024, 15.0), Rows(r));
        Assert.Contains(("national_ip_advantage_enterprises", "baseline", 2024, 60.0), Rows(r));
        // In a plan's goals a holding count is not read as a commitment.
        var plan = Extract("绍兴市知识产权强市建设方案(2025-2027年)\n绍兴市人民政府\n一、工作目标\n到2027年,全市共有20家国家知识产权示范企业的目标得到巩固。\n");
        Assert.DoesNotContain(plan.Targets, t => t.Value == 20.0 && t.Rule == "number-first");
    }

    [Fact]
    public void Plant_varieties_of_farming_and_forestry_are_the_plant_variety_grants()
    {
        var r = Extract("百色市知识产权战略行动计划(2016-2020年)\n百色市人民政府\n一、目标\n到2020年,农林业植物新品种授权量达到15件。\n");
        Assert.Contains(("plant_variety_grants", "goal", 2020, 15.0), Rows(r));
    }
}
