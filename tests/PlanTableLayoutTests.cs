using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Table layouts of plans the extractor was not written against (issue #15, session 14), with tables written for these
/// tests: a category column before the serial number, its cell filled only on the first row of each group.</summary>
public class PlanTableLayoutTests
{
    private const string Head = "芜湖市知识产权局\n芜湖市知识产权“十五五”规划\n二、发展目标\n表1 主要指标\n";

    [Fact]
    public void A_category_cell_before_the_serial_number_is_neither_the_indicator_nor_its_first_figure()
    {
        var r = Extract(Head + "领域\t序号\t指标\t单位\t2025年\t2030年\t属性\n" +
            "创造\t1\t每万人口发明专利拥有量\t件\t31\t45\t预期性\n" +
            "\t2\t商标有效注册量\t件\t70000\t95000\t预期性\n" +
            "运用\t3\t知识产权质押融资金额\t亿元\t22\t40\t预期性\n");
        var rows = Rows(r);
        Assert.Contains(("invention_patents_per_10k", "baseline", 2025, 31.0), rows);
        Assert.Contains(("invention_patents_per_10k", "goal", 2030, 45.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 95000.0), rows);
        Assert.Contains(("ip_pledge_financing", "baseline", 2025, 22.0), rows);
        Assert.Contains(("ip_pledge_financing", "goal", 2030, 40.0), rows);
        Assert.Equal(6, rows.Count);
        Assert.Empty(r.Unknown);
    }
}
