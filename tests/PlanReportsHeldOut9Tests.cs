using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 9 (issue #15, round 10), with sentences written for these tests: a news page that says a
/// five-year plan's task was completed early and gives its date as a bare year; a review titled 基础与形势 with period totals
/// and their growth written 分别比增; a level compared with the end of an earlier five-year plan.</summary>
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
}
