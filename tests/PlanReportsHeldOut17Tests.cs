using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 17's odd documents and its 曹县 document (issue #15, round 20, session 15), with
/// sentences written for these tests.</summary>
public class PlanReportsHeldOut17Tests
{
    private const string Head = "湖南省人民政府办公厅\n湖南省知识产权强省建设三年行动方案（2026—2028年）\n二、主要目标\n";

    [Theory]
    [InlineData("沛县人民政府办公室\n沛县知识产权强县建设工作方案（2026—2028年）\n", "沛县")]
    [InlineData("单县知识产权局\n单县“十五五”知识产权发展规划\n", "单县")]
    public void A_county_of_one_character_is_found_before_its_own_bodies_and_plans(string head, string county)
    {
        var r = Extract(head + "二、主要目标\n到2028年，有效发明专利拥有量达到600件。\n");
        Assert.Equal(county, r.Header.Region.RegionName);
        Assert.Single(Rows(r));
    }

    [Fact]
    public void A_one_character_county_standing_alone_in_a_sentence_does_not_name_the_region()
    {
        // 丰县 here is one of many counties a provincial plan mentions, not its issuer.
        var r = Extract(Head + "支持丰县、沛县建设知识产权强县，全省有效发明专利拥有量达到12万件。\n");
        Assert.Equal("湖南省", r.Header.Region.RegionName);
    }

    [Fact]
    public void Traditional_forms_of_yu_and_hou_are_read_as_simplified()
    {
        var rows = Rows(Extract("湖南省市場監督管理局\n湖南省2027年知識產權工作要點\n" +
            "全年工作目標：發明專利授權量不低於2800件，2026年後每年新增地理標誌商標不少於5件。\n"));
        Assert.Contains(("invention_grants", "goal", 2027, 2800.0), rows);
    }

    [Fact]
    public void A_targets_level_followed_by_its_average_yearly_growth_gives_both()
    {
        var rows = Rows(Extract(Head + "地理标志产品年产值突破300亿元，年均增长8%以上。\n"));
        Assert.Contains(("gi_product_output", "goal", 2028, 300.0), rows);
        Assert.Contains(rows, r => r.Item1 == "gi_product_output" && r.Item4 == 8.0);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Industries_given_as_examples_before_deng_do_not_qualify_the_name()
    {
        var rows = Rows(Extract(Head + "完成工程机械、轨道交通等产业专利导航项目12项。\n"));
        Assert.Equal([("patent_navigation_projects", "goal", 2028, 12.0)], rows);
    }

    [Fact]
    public void A_service_committed_to_a_number_of_enterprises_counts_the_enterprises_and_counts_of_work_items_are_no_target()
    {
        var r = Extract(Head + "为120家以上企业提供海外知识产权纠纷应对指导。本方案共5个方面22项具体工作。\n");
        Assert.Equal([("overseas_dispute_guidance", "goal", 2028, 120.0)], Rows(r));
        Assert.Empty(r.Unknown);
    }
}
