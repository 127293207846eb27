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

    [Fact]
    public void The_same_table_read_from_a_Word_file_whose_rows_each_arrive_after_a_marking_tab()
    {
        // PlanDocumentText writes a Word table's row as a line opening with a tab, then its cells.
        var r = Extract(Head + "\t领域\t序号\t指标\t单位\t2025年\t2030年\t属性\n" +
            "\t创造\t1\t每万人口发明专利拥有量\t件\t31\t45\t预期性\n" +
            "\t\t2\t商标有效注册量\t件\t70000\t95000\t预期性\n" +
            "\t运用\t3\t知识产权质押融资金额\t亿元\t22\t40\t预期性\n");
        var rows = Rows(r);
        Assert.Contains(("invention_patents_per_10k", "goal", 2030, 45.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 95000.0), rows);
        Assert.Contains(("ip_pledge_financing", "baseline", 2025, 22.0), rows);
        Assert.Equal(6, rows.Count);
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void A_bracketed_figure_is_a_sum_over_the_span_when_the_plan_notes_so_under_its_table()
    {
        const string table = "序号\t指标\t单位\t2025年\t2030年\t属性\n" +
            "1\t技术合同成交额\t亿元\t18\t〔120〕\t预期性\n" +
            "2\t专利转让许可次数\t次\t900\t[5500]\t预期性\n" +
            "3\t有效注册商标量\t件\t40000\t60000\t预期性\n";
        var noted = Rows(Extract(Head + table + "注：〔〕、[]中数据为“十五五”期间累计数。\n"));
        Assert.Contains(("tech_contract_turnover", "goal", 2030, 120.0), noted);
        var r = Extract(Head + table + "注：〔〕、[]中数据为“十五五”期间累计数。\n");
        string Measure(string code) => r.Targets.Single(t => t.IndicatorCode == code && t.Kind == "goal").Measure;
        Assert.Equal("cumulative", Measure("tech_contract_turnover"));
        Assert.Equal("cumulative", Measure("patent_transfers_licences"));
        Assert.Equal("annual", r.Targets.Single(t => t.IndicatorCode == "tech_contract_turnover" && t.Kind == "baseline").Measure);
        Assert.Equal("stock", Measure("registered_trademarks"));
        // Without the note a bracket says nothing about the measure.
        var plain = Extract(Head + table);
        Assert.Equal("annual", plain.Targets.Single(t => t.IndicatorCode == "tech_contract_turnover" && t.Kind == "goal").Measure);
    }

    [Fact]
    public void Columns_headed_by_five_year_periods_take_the_periods_last_years_and_a_yearly_growth_column_is_a_growth_goal()
    {
        var r = Extract(Head + "指标\t单位\t“十四五”期末\t“十五五”期末\t年均增速（%）\t属性\n" +
            "有效注册商标量\t件\t52000\t76000\t8\t预期性\n" +
            "技术合同成交额\t亿元\t30\t55\t—\t预期性\n");
        var rows = Rows(r);
        Assert.Contains(("registered_trademarks", "baseline", 2025, 52000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 76000.0), rows);
        Assert.Contains(("tech_contract_turnover", "baseline", 2025, 30.0), rows);
        Assert.Contains(("tech_contract_turnover", "goal", 2030, 55.0), rows);
        var growth = Assert.Single(r.Targets, t => t.Measure == "growth_rate");
        Assert.Equal(("registered_trademarks", "goal", 2030, 8.0), (growth.IndicatorCode, growth.Kind, growth.TargetYear, growth.Value));
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public void The_same_columns_one_cell_per_line()
    {
        var r = Extract(Head + "指标\n单位\n十四五末\n十五五末\n年均增长\n有效注册商标量\n件\n52000\n76000\n8\n");
        var rows = Rows(r);
        Assert.Contains(("registered_trademarks", "baseline", 2025, 52000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 76000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 8.0), rows);
        Assert.Equal("growth_rate", r.Targets.Single(t => t.Value == 8.0).Measure);
    }
}
