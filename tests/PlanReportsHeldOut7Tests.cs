using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 7 (issue #15, session 11), with sentences written for these tests: where a news page
/// names its region, and which year a review published early in the next year reports on.</summary>
public class PlanReportsHeldOut7Tests
{
    [Fact]
    public void A_region_named_only_in_the_title_a_news_page_quotes_is_the_region_not_the_province_in_its_body()
    {
        // The body names the province first (江苏省著名商标); the region is in the quoted title of the report announced.
        var r = Extract("（《2024年扬州市知识产权发展与保护状况》白皮书发布，新闻报道）\n某新闻网,2025-04-20\n" +
            "昨天,市知识产权局召开新闻通报会,发布《2024年扬州市知识产权发展与保护状况》白皮书。截至2024年底,全市共有江苏省著名商标120件," +
            "专利授权达15200件。\n");
        Assert.Equal("扬州市", r.Header.Region.RegionName);
        Assert.Contains(("patent_grants", "baseline", 2024, 15200.0), Rows(r));
    }

    [Fact]
    public void A_plan_citing_a_national_outline_in_its_title_still_takes_its_region_from_the_issuing_body()
    {
        var r = Extract("贯彻落实《知识产权强国建设纲要(2021—2035年)》实施方案\n高邮市人民政府\n" +
            "到2025年,全市每万人口高价值发明专利拥有量达到6件。\n");
        Assert.Equal("高邮市", r.Header.Region.RegionName);
    }

    [Fact]
    public void A_county_paper_named_by_its_short_name_names_the_region()
    {
        // 兰溪 alone is a county's short name, which counts only after its parent, except as the masthead of its own paper.
        var r = Extract("这一年,我们聚力高质量发展\n兰溪日报 2021年02月05日 第3版\n\n知识产权工作成效显著。全年新增发明专利授权96件。\n");
        Assert.Equal("兰溪市", r.Header.Region.RegionName);
        // Standing alone in the body it names nothing (和平, 东方 are county short names too).
        Assert.Throws<InvalidDataException>(() => Extract("和平发展新篇章\n某报 2021年05月05日\n\n全市发明专利授权96件,兰溪等地增长较快。\n"));
    }

    [Fact]
    public void A_review_published_in_the_first_weeks_of_a_year_reports_the_year_just_ended()
    {
        var review = Extract("这一年,我们聚力高质量发展\n兰溪日报 2021年01月20日 第3版\n\n知识产权工作成效显著。全年新增发明专利授权96件。\n");
        Assert.Contains(Rows(review), x => x.Item1 == "invention_grants" && x.Item3 == 2020);
        // Published in May, or announcing this year's plan (今年全年): the page's own year.
        var may = Extract("这一年,我们聚力高质量发展\n兰溪日报 2021年05月20日 第3版\n\n知识产权工作成效显著。全年新增发明专利授权96件。\n");
        Assert.Contains(Rows(may), x => x.Item1 == "invention_grants" && x.Item3 == 2021);
    }
}
