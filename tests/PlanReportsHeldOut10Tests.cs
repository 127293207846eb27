using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 10 (issue #15, round 11), with sentences written for these tests: a term (自…至2026年4月) or a
/// rise (增长到2022年的B) taken for a plan's goal year; a news page's results for a year before its date read as targets; a base
/// year (是2015年的2.6倍) dating a result; 将 before the comparator; 届时 (by then) for the target year named before; lists of
/// names from an earlier plan's end, with their growth over the period; a level compared after ranks, with its growth since; an
/// elided 授权量 after a comma; a number per 10,000 people after a count's name; 注册和登记的地理标志.</summary>
public class PlanReportsHeldOut10Tests
{
    [Fact]
    public void A_term_or_a_rise_already_made_is_not_a_goal_year_so_a_news_page_stays_a_report()
    {
        var term = Extract("(芜湖市获批国家知识产权强市建设试点城市)\n芜湖日报(记者 某某,2023-05-12)\n" +
            "近日,国家知识产权局确定芜湖市为国家知识产权强市建设试点城市,试点期自2023年4月至2026年4月。\n" +
            "2022年,全市发明专利授权量达到5210件,商标注册量达到1.8万件。\n");
        Assert.True(term.Header.IsReport);
        Assert.Contains(("invention_grants", "baseline", 2022, 5210.0), Rows(term));
        var rise = Extract("(绵阳市专利工作综述)\n绵阳日报(记者 某某,2023-03-02)\n" +
            "据统计,全市有效发明专利拥有量从2018年的4100件增长到2022年的9800件,创新活力持续增强。\n");
        Assert.True(rise.Header.IsReport);
        Assert.Contains(("invention_patents_owned", "baseline", 2022, 9800.0), Rows(rise));
        Assert.DoesNotContain(Rows(rise), x => x.Item2 != "baseline");
    }

    [Fact]
    public void A_news_pages_figures_for_a_year_before_its_date_are_results_even_inside_the_plans_period()
    {
        var r = Extract("(《常德市知识产权“十四五”规划》发布)\n常德日报(记者 某某,2022-06-18)\n" +
            "近日,常德市知识产权局正式发布《常德市知识产权“十四五”规划》,对今后五年的知识产权工作作出全面部署。\n" +
            "2021年,全市专利授权量达到6120件,地理标志商标达到35件。\n" +
            "规划提出,到2025年,每万人口高价值发明专利拥有量达到4件。\n");
        Assert.Contains(("patent_grants", "baseline", 2021, 6120.0), Rows(r));
        Assert.Contains(("gi_trademarks", "baseline", 2021, 35.0), Rows(r));
        Assert.Contains(("hv_invention_patents_per_10k", "goal", 2025, 4.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "milestone");
    }

    [Fact]
    public void A_base_year_compared_with_leaves_a_result_at_the_date_of_the_report_before_it()
    {
        var r = Extract("(宜宾市知识产权工作迈上新台阶)\n宜宾日报(记者 某某)\n" +
            "记者从市市场监管局了解到,《宜宾市知识产权发展规划(2021-2025年)》已经印发,规划提出,到2025年,全市每万人口高价值发明专利拥有量达到5件。\n" +
            "截至2020年底,全市发明专利授权量1230件,是2015年的2.6倍;商标注册量8600件,是2015年的3.1倍;" +
            "有效发明专利拥有量3400件,比2015年增长180%。\n");
        Assert.False(r.Header.IsReport);
        Assert.Contains(("invention_grants", "baseline", 2020, 1230.0), Rows(r));
        Assert.Contains(("trademark_registrations", "baseline", 2020, 8600.0), Rows(r));
        Assert.Contains(("invention_patents_owned", "baseline", 2020, 3400.0), Rows(r));
        Assert.Contains(("hv_invention_patents_per_10k", "goal", 2025, 5.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "goal" && x.Item1 != "hv_invention_patents_per_10k");
    }

    [Fact]
    public void Jieshi_takes_the_target_year_named_before_it()
    {
        var r = Extract("德州市知识产权发展规划(2021-2025年)\n德州市人民政府\n二、发展目标\n" +
            "到2023年,全市知识产权工作取得明显进展。届时,全市每万人口发明专利拥有量达到6.5件,有效注册商标量达到9万件。\n" +
            "到2025年,每万人口发明专利拥有量达到8件。\n");
        Assert.Contains(("invention_patents_per_10k", "milestone", 2023, 6.5), Rows(r));
        Assert.Contains(("registered_trademarks", "milestone", 2023, 90000.0), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "goal", 2025, 8.0), Rows(r));
        // In traditional script too (屆時).
        var traditional = Extract("德州市知識產權發展規劃(2021-2025年)\n德州市人民政府\n二、發展目標\n" +
            "到2023年,全市知識產權工作取得明顯進展。屆時,全市專利授權量突破1.1萬件。\n");
        Assert.Contains(("patent_grants", "milestone", 2023, 11000.0), Rows(traditional));
    }
}
