using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 9 (issue #15, round 10), with sentences written for these tests: a news page that says a
/// five-year plan's task was completed early and gives its date as a bare year.</summary>
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
}
