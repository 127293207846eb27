using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on the odd documents of held-out set 15 (issue #15, round 16, session 14), with sentences written for
/// these tests: a second target year after a comma, an autonomous region's level, demonstration and advantage enterprises
/// named in full in either order.</summary>
public class PlanReportsHeldOut15Tests
{
    private const string Head = "广西壮族自治区人民政府办公厅\n广西知识产权强区建设行动方案（2026—2030年）\n二、主要目标\n";

    [Fact]
    public void A_clause_opening_with_a_target_year_of_its_own_after_a_comma_dates_its_own_figure()
    {
        var rows = Rows(Extract(Head + "PCT专利申请量到2028年达到600件，到2030年不少于800件。\n" +
            "到2028年，有效注册商标量达到60万件，到2030年，达到75万件。\n"));
        Assert.Contains(("pct_applications", "milestone", 2028, 600.0), rows);
        Assert.Contains(("pct_applications", "goal", 2030, 800.0), rows);
        Assert.Contains(("registered_trademarks", "milestone", 2028, 600000.0), rows);
        Assert.Contains(("registered_trademarks", "goal", 2030, 750000.0), rows);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void An_autonomous_regions_level_is_the_provincial_level()
    {
        Assert.Equal([("hv_patent_centers", "goal", 2030, 12.0)], Rows(Extract(Head + "建设自治区级高价值专利培育中心12家。\n")));
    }

    [Fact]
    public void Demonstration_and_advantage_enterprises_named_in_full_in_either_order_are_one_count()
    {
        var rows = Rows(Extract(Head + "新培育国家知识产权示范企业和优势企业60家。\n"));
        Assert.Equal([("national_ip_advantage_demo_enterprises", "goal", 2030, 60.0)], rows);
    }
}
