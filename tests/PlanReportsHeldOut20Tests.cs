using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 20's odd documents (issue #15, round 22, session 15), with sentences written for these
/// tests: clauses after a growth target, a table by year, and indicators short plans commonly set.</summary>
public class PlanReportsHeldOut20Tests
{
    private const string Head = "江西省市场监督管理局（知识产权局）\n江西省知识产权质押融资专项行动方案（2026—2028年）\n二、总体目标\n";

    [Fact]
    public void Clauses_after_a_growth_target_giving_a_year_or_a_sum_and_a_figure_are_the_same_indicators()
    {
        var rows = Rows(Extract(Head + "专利商标质押融资登记金额年均增长12%以上，2028年突破160亿元，三年累计不少于420亿元。\n"));
        Assert.Contains(("ip_pledge_financing", "goal", 2028, 12.0), rows);
        Assert.Contains(("ip_pledge_financing", "goal", 2028, 160.0), rows);
        Assert.Contains(("ip_pledge_financing", "goal", 2028, 420.0), rows);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void A_table_by_year_reads_each_column_as_its_indicator_and_reports_the_unknown_ones()
    {
        var r = Extract(Head + "年度 | PCT国际专利申请量（件） | 海外维权援助站点（个）\n2025年 | 120 | 4\n2026年 | 140 | 5\n2028年 | 180 | 8\n");
        var rows = Rows(r);
        Assert.Contains(("pct_applications", "baseline", 2025, 120.0), rows);
        Assert.Contains(("pct_applications", "milestone", 2026, 140.0), rows);
        Assert.Contains(("pct_applications", "goal", 2028, 180.0), rows);
        Assert.Equal(3, rows.Count);
        Assert.Equal(3, r.Unknown.Count(u => u.Phrase.StartsWith("海外维权援助站点", StringComparison.Ordinal)));
    }

    [Fact]
    public void Open_licensing_indicators_are_read()
    {
        var rows = Rows(Extract(Head + "三年累计新发布开放许可声明专利不少于500件，累计达成开放许可实施不少于260项。\n"));
        Assert.Contains(("open_licence_patents", "goal", 2028, 500.0), rows);
        Assert.Contains(("open_licence_deals", "goal", 2028, 260.0), rows);
    }
}
