using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Development zones are no administrative divisions: their figures must not be loaded as their city's.</summary>
public class PlanZoneRegionTests
{
    [Theory]
    [InlineData("西宁经济技术开发区知识产权强区工作方案\n西宁经济技术开发区管理委员会\n", "西宁经济技术开发区")]
    [InlineData("(九江高新区获批省级知识产权示范园区)\n九江日报 2024-05-06\n", "九江高新区")]
    [InlineData("关于印发《赣州市章贡区高新技术产业开发区知识产权三年行动计划》的通知\n", "赣州市章贡区高新技术产业开发区")]
    public void A_zone_nobody_has_placed_is_refused_naming_it_and_the_fix(string opening, string zone)
    {
        var e = Assert.Throws<InvalidDataException>(() => Extract(opening + "到2025年,有效发明专利拥有量达到500件。\n"));
        Assert.Contains($"“{zone}”", e.Message);
        Assert.Contains("seeds/regions.csv", e.Message);
    }

    [Fact]
    public void A_city_plan_naming_a_zone_further_on_is_the_citys()
    {
        var r = Extract("西宁市人民政府关于印发西宁市知识产权强市建设方案(2023—2025年)的通知\n西宁市人民政府\n"
            + "支持西宁经济技术开发区建设知识产权示范园区。到2025年,全市有效发明专利拥有量达到3000件。\n");
        Assert.Equal("西宁市", r.Header.Region.RegionName);
        Assert.Contains(("invention_patents_owned", "goal", 2025, 3000.0), Rows(r));
    }

    [Fact]
    public void A_zone_that_is_a_curated_region_loads_as_that_region()
    {
        var r = Extract("常州国家高新区(新北区)知识产权强区建设工作方案\n常州国家高新区管委会\n到2025年,有效发明专利拥有量达到9000件。\n");
        Assert.Equal("320411", r.Header.Region.RegionCode);
    }
}
