using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on the odd documents of held-out set 14 (issue #15, round 15, session 14), with sentences written for
/// these tests: a plan without a span in its title whose goals name a stage year first; a figure after 分别 that is a count
/// keeps a per-capita name from carrying over to it; and, from set 13's odd documents, a target year carried past semicolons
/// and 商标注册总量 (the total of registrations, a stock).</summary>
public class PlanReportsHeldOut14Tests
{
    [Fact]
    public void A_plan_without_a_span_in_its_title_ends_with_its_last_target_year_and_an_earlier_one_is_a_milestone()
    {
        var r = Extract("襄城县人民政府\n关于加快建设知识产权强县的实施意见\n襄政〔2026〕3号\n二、主要目标\n" +
            "到2027年，全县有效注册商标量达到1.6万件。\n到2030年，全县有效注册商标量达到2万件，知识产权质押融资金额达到5亿元。\n");
        Assert.Equal(2030, r.Header.EndYear);
        var rows = Rows(r);
        Assert.Contains(("registered_trademarks", "milestone", 2027, 16000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 20000.0), rows);
        Assert.Contains(("ip_pledge_financing", "goal", 2030, 5.0), rows);
    }

    [Fact]
    public void A_target_year_after_the_plans_last_is_that_years_goal()
    {
        var r = Extract("襄城县人民政府\n襄城县知识产权强县建设行动方案（2026—2028年）\n二、主要目标\n" +
            "到2028年，全县有效注册商标量达到1.8万件。展望2035年，全县有效注册商标量达到3万件。\n");
        var rows = Rows(r);
        Assert.Contains(("registered_trademarks", "goal", 2028, 18000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2035, 30000.0), rows);
    }

    [Fact]
    public void A_per_capita_name_does_not_carry_over_to_the_next_name_when_its_number_after_fenbie_is_a_count()
    {
        var r = Extract("襄城县人民政府\n襄城县知识产权强县建设行动方案（2026—2028年）\n二、主要目标\n" +
            "到2028年，全县每万人口发明专利拥有量和有效发明专利拥有量分别达到12件和1200件。\n" +
            "到2028年，全县每万人口发明专利拥有量和高价值发明专利拥有量分别达到12件和5件。\n");
        var rows = Rows(r);
        Assert.Contains(("invention_patents_owned", "goal", 2028, 1200.0), rows);
        Assert.DoesNotContain(rows, x => x.Item1 == "invention_patents_per_10k" && x.Item4 == 1200.0);
        Assert.Contains(("hv_invention_patents_per_10k", "goal", 2028, 5.0), rows);
    }

    [Fact]
    public void A_target_year_carries_past_semicolons_to_the_full_stop()
    {
        var r = Extract("襄城县人民政府\n襄城县知识产权强县建设纲要（2026—2035年）\n二、主要目标\n" +
            "到2028年，知识产权强县建设取得阶段性成效，有效注册商标量达到1.6万件以上；知识产权质押融资金额3亿元；PCT专利申请量达到20件。\n" +
            "到2035年，有效注册商标量达到3万件。\n");
        var rows = Rows(r);
        Assert.Contains(("registered_trademarks", "milestone", 2028, 16000.0), rows);
        Assert.Contains(("ip_pledge_financing", "milestone", 2028, 3.0), rows);
        Assert.Contains(("pct_applications", "milestone", 2028, 20.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2035, 30000.0), rows);
    }
}
