using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>How plans list their targets (issue #15, session 14), with sentences written for these tests: an item naming the
/// indicator, a colon, then its figure; an item numbered like a heading; a yearly plan's growth over the year before; an average
/// of elsewhere in brackets.</summary>
public class PlanItemListTests
{
    private const string Head = "绵阳市人民政府办公室\n绵阳市知识产权强市建设行动计划（2026—2028年）\n二、主要指标\n";

    [Fact]
    public void An_item_naming_the_indicator_then_a_colon_then_its_figure_is_read()
    {
        var r = Extract(Head + "（1）有效发明专利拥有量：力争达到1.2万件；\n2.技术合同成交额：三年累计突破300亿元；\n" +
            "3、每万人口发明专利拥有量：18件。\n目标任务：到2028年，PCT专利申请量达到40件。\n");
        var rows = Rows(r);
        Assert.Contains(("invention_patents_owned", "goal", 2028, 12000.0), rows);
        Assert.Contains(("tech_contract_turnover", "goal", 2028, 300.0), rows);
        Assert.Equal("cumulative", r.Targets.Single(t => t.IndicatorCode == "tech_contract_turnover").Measure);
        Assert.Contains(("invention_patents_per_10k", "goal", 2028, 18.0), rows);
        Assert.Contains(("pct_applications", "goal", 2028, 40.0), rows);
        Assert.Equal(4, rows.Count);
        // The evidence is the document's own line, colon and all.
        Assert.Equal("（1）有效发明专利拥有量：力争达到1.2万件；", r.Targets.Single(t => t.IndicatorCode == "invention_patents_owned").Evidence);
    }

    [Fact]
    public void An_item_numbered_like_a_heading_that_states_a_figure_is_read_and_still_opens_a_section()
    {
        var r = Extract(Head.Replace("二、主要指标\n", "") + "一、发展基础\n2025年，全市有效注册商标量4.1万件。\n" +
            "（一）有效注册商标量达到5万件。\n（二）到2027年，知识产权质押融资金额达到9亿元。\n三、2026年专利授权量情况\n");
        var rows = Rows(r);
        Assert.Contains(("registered_trademarks", "baseline", 2025, 41000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2028, 50000.0), rows);
        Assert.Contains(("ip_pledge_financing", "milestone", 2027, 9.0), rows);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void A_yearly_plans_target_compared_with_the_year_before_is_a_target_with_its_growth()
    {
        var r = Extract("德阳市市场监督管理局\n德阳市2027年知识产权工作要点\n一、工作目标\n" +
            "2027年，全市力争商标注册量达到8000件，同比增长5%；知识产权质押融资金额12亿元。\n");
        var rows = Rows(r);
        Assert.Contains(("trademark_registrations", "goal", 2027, 8000.0), rows);
        var growth = Assert.Single(r.Targets, t => t.Measure == "growth_rate");
        Assert.Equal(("trademark_registrations", "goal", 2027, 5.0), (growth.IndicatorCode, growth.Kind, growth.TargetYear, growth.Value));
        Assert.Contains(("ip_pledge_financing", "goal", 2027, 12.0), rows);
        // Without a word of commitment the same figures compared with the year before are results.
        var report = Extract("德阳市市场监督管理局\n德阳市2027年知识产权工作要点\n一、工作基础\n" +
            "2026年，全市商标注册量达到7600件，同比增长5%。\n");
        Assert.All(report.Targets, t => Assert.Equal("baseline", t.Kind));
    }

    [Fact]
    public void An_average_of_elsewhere_in_brackets_is_neither_loaded_nor_reported()
    {
        var r = Extract(Head + "到2028年，全市每万人口高价值发明专利拥有量达到8件（全省平均水平为14件），专利转让许可次数达到900次。\n");
        Assert.Equal([("hv_invention_patents_per_10k", "goal", 2028, 8.0), ("patent_transfers_licences", "goal", 2028, 900.0)],
            Rows(r).Order().ToList());
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void A_thousands_separator_does_not_leave_the_digits_after_it_as_a_reject()
    {
        var r = Extract(Head + "到2028年，全市发明专利授权量达到1,500件左右。\n");
        Assert.Equal([("invention_grants", "goal", 2028, 1500.0)], Rows(r));
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void Indicators_plans_commonly_set_per_market_entity_for_madrid_applications_and_for_all_patents_in_force_are_known()
    {
        var r = Extract(Head + "到2028年，每万户市场主体有效商标拥有量达到1800件，马德里商标国际注册申请量达到120件，全市有效专利总量达到4.5万件，" +
            "每百户企业注册商标拥有量达到40件。\n");
        var rows = Rows(r);
        Assert.Contains(("trademarks_per_10k_market_entities", "goal", 2028, 1800.0), rows);
        Assert.Contains(("madrid_applications", "goal", 2028, 120.0), rows);
        Assert.Contains(("valid_patents", "goal", 2028, 45000.0), rows);
        // Per hundred enterprises is still another indicator the dictionary does not know: a reject, never registered trademarks.
        Assert.Equal(3, rows.Count);
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("每百户企业", StringComparison.Ordinal));
    }
}
