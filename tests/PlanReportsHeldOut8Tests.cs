using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 8 (issue #15, round 9), with sentences written for these tests: which trademark count a
/// bare 注册商标 names, …</summary>
public class PlanReportsHeldOut8Tests
{
    [Fact]
    public void Registered_trademarks_named_without_a_flow_word_are_the_stock_held_not_the_years_registrations()
    {
        var r = Extract("荆州市商标品牌发展规划(2021-2025年)\n荆州市人民政府\n一、发展目标\n" +
            "到2025年,全市注册商标力争突破8万件,驰名商标达到12件。\n");
        Assert.Contains(("registered_trademarks", "goal", 2025, 80000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item1 == "trademark_registrations");
        // A flow word before the bare name keeps the year's registrations.
        var yearly = Extract("荆州市商标品牌发展规划(2021-2025年)\n荆州市人民政府\n一、发展目标\n到2025年,全市每年注册商标不少于6000件。\n");
        Assert.Contains(Rows(yearly), x => x.Item1 == "trademark_registrations" && x.Item4 == 6000.0);
        Assert.DoesNotContain(Rows(yearly), x => x.Item1 == "registered_trademarks");
    }
}
