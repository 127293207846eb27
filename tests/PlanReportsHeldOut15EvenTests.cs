using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on the even documents of held-out set 15 (issue #15, round 17, session 15), with sentences written for
/// these tests: per 10,000 people carried only to the list item whose own number after 分别 is a rate, an act of handling before
/// a table's indicator, the act that yields a count between name and number, and protection indicators plans commonly set.</summary>
public class PlanReportsHeldOut15EvenTests
{
    private const string Head = "四川省人民政府办公厅\n四川省知识产权保护和运用十五五规划\n二、主要目标\n";

    [Fact]
    public void Per_ten_thousand_people_is_carried_only_to_an_item_whose_own_number_after_respectively_is_a_rate()
    {
        var rows = Rows(Extract(Head + "到2030年，每万人口发明专利拥有量、有效发明专利拥有量和有效注册商标量分别达到25件、21万件和160万件。\n" +
            "到2028年，每万人口发明专利拥有量、高价值发明专利拥有量和有效注册商标量分别达到20件、9件和140万件。\n"));
        Assert.Contains(("invention_patents_per_10k", "goal", 2030, 25.0), rows);
        Assert.Contains(("invention_patents_owned", "goal", 2030, 210000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 1600000.0), rows);
        Assert.Contains(("invention_patents_per_10k", "milestone", 2028, 20.0), rows);
        Assert.Contains(("hv_invention_patents_per_10k", "milestone", 2028, 9.0), rows);
        Assert.Contains(("registered_trademarks", "milestone", 2028, 1400000.0), rows);
        Assert.Equal(6, rows.Count);
    }

    [Fact]
    public void A_table_indicator_named_with_the_act_of_handling_it_is_the_indicator()
    {
        var rows = Rows(Extract(Head + "| 序号 | 指标名称 | 单位 | 2025年 | 2030年 | 属性 |\n| 3 | 查办知识产权违法案件 | 件 | 1200 | 1500 | 预期性 |\n"));
        Assert.Contains(("ip_admin_cases", "goal", 2030, 1500.0), rows);
        Assert.Contains(("ip_admin_cases", "baseline", 2025, 1200.0), rows);
    }

    [Fact]
    public void The_act_that_yields_a_count_may_stand_between_name_and_number()
    {
        var rows = Rows(Extract(Head + "数据知识产权登记证书累计颁发超过800件，知识产权纠纷调解案件每年受理3000件以上。\n"));
        Assert.Contains(("data_ip_registration_certificates", "goal", 2030, 800.0), rows);
        Assert.Contains(("ip_dispute_mediation_cases", "goal", 2030, 3000.0), rows);
    }

    [Fact]
    public void Dispute_mediation_indicators_are_read()
    {
        var rows = Rows(Extract(Head + "建成知识产权纠纷人民调解组织60家，知识产权纠纷调解成功率稳定在75%以上，" +
            "移送公安机关涉嫌知识产权犯罪案件不少于200件。\n"));
        Assert.Contains(("ip_dispute_mediation_orgs", "goal", 2030, 60.0), rows);
        Assert.Contains(("ip_dispute_mediation_success_rate", "goal", 2030, 75.0), rows);
        Assert.Contains(("ip_criminal_referrals", "goal", 2030, 200.0), rows);
    }

    [Fact]
    public void One_named_products_output_is_not_all_geographical_indication_products_output()
    {
        var r = Extract(Head + "到2030年，五粮液地理标志产品产值突破900亿元，地理标志产品产值达到1500亿元。\n");
        Assert.Equal([("gi_product_output", "goal", 2030, 1500.0)], Rows(r));
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("五粮液地理标志产品产值"));
    }

    [Fact]
    public void A_duration_committed_to_is_reported_not_dropped_but_how_long_an_action_runs_is_not()
    {
        var r = Extract(Head + "到2030年，专利侵权纠纷行政裁决平均办案周期压缩至4个月以内，快速维权案件平均结案周期缩短至15个工作日。\n" +
            "开展为期3个月的打击侵权专项行动，用10天时间完成摸底排查。\n");
        Assert.Empty(r.Targets);
        Assert.Equal(2, r.Unknown.Count);
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("压缩至4个月以内"));
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("缩短至15个工作日"));
    }
}
