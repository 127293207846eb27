using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 13's even documents (round 18) and set 16's odd documents (round 19), issue #15, session
/// 15, with sentences written for these tests.</summary>
public class PlanReportsHeldOut16Tests
{
    private const string Head = "河北省人民政府办公厅\n河北省专利转化运用专项行动方案（2026—2028年）\n二、主要目标\n";

    [Fact]
    public void A_cited_plan_title_the_page_left_unclosed_does_not_give_a_news_page_its_period()
    {
        var rows = Rows(Extract("（邢台市2018年一季度专利申请与授权情况）\n邢台市知识产权工作报道，转载\n" +
            "2018年一季度，邢台市专利申请和授权保持增长势头，申请专利1520件；授权专利836件。\n" +
            "近年来，邢台市深入实施《河北省知识产权战略行动计划(2016—2020年),不断完善知识产权服务。\n"));
        Assert.Equal([("patent_applications", "baseline", 2018, 1520.0), ("patent_grants", "baseline", 2018, 836.0)], rows);
    }

    [Fact]
    public void A_five_year_plans_target_completed_early_by_a_named_place_is_a_result_not_the_pages_period()
    {
        var rows = Rows(Extract("（承德市商标工作报道）\n承德市市场监管局通讯（2024-03）\n目前，全市地理标志商标达到31件，" +
            "提前完成承德市“十四五”地理标志商标培育目标。\n"));
        Assert.Equal([("gi_trademarks", "baseline", 2024, 31.0)], rows);
    }

    [Fact]
    public void A_count_of_pledge_deals_before_their_amount_is_the_projects_and_the_amount_the_financing()
    {
        var rows = Rows(Extract("保定市市场监督管理局\n保定市2027年知识产权工作要点\n一、2026年工作回顾\n" +
            "2026年，全市办理知识产权质押融资业务348笔，融资金额41.2亿元，惠及企业300余家。\n"));
        Assert.Contains(("ip_pledge_projects", "baseline", 2026, 348.0), rows);
        Assert.Contains(("ip_pledge_financing", "baseline", 2026, 41.2), rows);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void A_colon_item_may_restate_its_measure_before_the_figure()
    {
        var rows = Rows(Extract(Head + "到2028年：\n1.专利质押融资额：年度登记金额突破90亿元；\n2.有效发明专利拥有量：总量达到8万件。\n"));
        Assert.Contains(("ip_pledge_financing", "goal", 2028, 90.0), rows);
        Assert.Contains(("invention_patents_owned", "goal", 2028, 80000.0), rows);
    }

    [Fact]
    public void A_committed_number_of_enterprises_passing_a_certification_is_that_certifications_count()
    {
        var rows = Rows(Extract(Head + "引导不少于350家企业通过知识产权管理体系认证。\n"));
        Assert.Equal([("ip_standard_enterprises", "goal", 2028, 350.0)], rows);
        // A plan's narrative count of firms is no target: nothing asks for it.
        Assert.DoesNotContain(Rows(Extract(Head + "全省已有120家企业通过知识产权管理体系认证的经验表明，贯标成效明显。\n")), r => r.Item2 == "goal");
    }
}
