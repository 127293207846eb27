using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on the even documents 02–14 of held-out set 11 (issue #15, round 13), with sentences written for these
/// tests: 今年 with a part of the year is the page's own year even on a page reporting the year before; a date whose figure is
/// compared with the year before (至2021年末,…同比增长) dates a result, not a goal; a page dated to the month with a dash (2024-09)
/// is dated.</summary>
public class PlanReportsHeldOut11bTests
{
    // A closing paragraph long enough that the page's foot (where a date is also looked for) holds no date.
    private const string Tail = "下一步,该县将继续加大知识产权工作力度,不断增强创新主体的知识产权创造能力,提升知识产权运用效益和保护水平," +
        "推动知识产权服务业发展,营造尊重知识、崇尚创新、诚信守法的良好氛围,为区域经济高质量发展提供有力支撑和坚实保障," +
        "努力把知识产权工作提高到新的水平,为建设创新型县城作出新的更大贡献。\n";

    [Fact]
    public void This_years_quarter_or_months_are_the_pages_own_year_on_a_page_reporting_the_year_before()
    {
        var r = Extract("（泉州专利工作考核获评优秀 新闻）\n泉州 local news 2021-04-20 (本报讯)\n" +
            "本报4月20日讯 日前,省市场监管局公布了2020年度全省专利工作考核结果,泉州位列第一。\n" +
            "2020年,全市有效发明专利拥有量9300件。今年1—3月,全市专利授权量2100件,同比增长12.5%;" +
            "商标有效注册量41000件,继续保持全省首位。\n");
        Assert.True(r.Header.IsReport);
        Assert.Equal(2020, r.Header.EndYear);
        Assert.Contains(("invention_patents_owned", "baseline", 2020, 9300.0), Rows(r));
        Assert.Contains(("patent_grants", "baseline", 2021, 2100.0), Rows(r));
        // The undated clause after it is at the same date.
        Assert.Contains(("registered_trademarks", "baseline", 2021, 41000.0), Rows(r));
        var quarter = Extract("（泉州专利工作考核获评优秀 新闻）\n泉州 local news 2021-04-20 (本报讯)\n" +
            "本报4月20日讯 日前,省市场监管局公布了2020年度全省专利工作考核结果,泉州位列第一。\n" +
            "今年第一季度,全市发明专利授权量600件。\n");
        Assert.Contains(("invention_grants", "baseline", 2021, 600.0), Rows(quarter));
    }

    [Fact]
    public void A_date_whose_figure_is_compared_with_the_year_before_dates_a_result_not_a_goal()
    {
        var r = Extract("（潍坊市2021年度知识产权工作新闻发布会）\n" +
            "潍坊市 新闻发布会 report (2022-03-18), reposted on a portal that keeps no date of its own, so this line runs long\n" +
            "3月18日,我市召开新闻发布会,介绍2021年度知识产权工作情况。\n" +
            "至2021年末,全市有效发明专利拥有量8120件,同比增长21.4%。全市有效注册商标达到52000件。\n");
        Assert.True(r.Header.IsReport);
        Assert.Equal(2021, r.Header.EndYear);
        Assert.Contains(("invention_patents_owned", "baseline", 2021, 8120.0), Rows(r));
        Assert.Contains(("registered_trademarks", "baseline", 2021, 52000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 != "baseline");
        // A goal year without such a comparison still sets a plan's period and its goals.
        var plan = Extract("潍坊市知识产权强市建设行动计划\n" +
            "到2025年,全市有效发明专利拥有量达到1.2万件,有效注册商标达到8万件。\n");
        Assert.Equal(2025, plan.Header.EndYear);
        Assert.Contains(("invention_patents_owned", "goal", 2025, 12000.0), Rows(plan));
    }

    [Fact]
    public void A_page_dated_to_the_month_with_a_dash_is_a_report_of_that_year()
    {
        var r = Extract("临朐县地理标志证明商标获批新闻\n临朐融媒 (lqnews.cn) 2024-09\n\n" +
            "临朐融媒讯 近日,国家知识产权局发布公告,临朐县的“某某山楂”获批地理标志证明商标,这是全县特色农产品品牌建设的又一成果。\n" +
            "目前,临朐县共有地理标志保护产品6个、地理标志证明商标9个。\n" + Tail);
        Assert.True(r.Header.IsReport);
        Assert.Equal(2024, r.Header.EndYear);
        Assert.Contains(("gi_protected_products", "baseline", 2024, 6.0), Rows(r));
        Assert.Contains(("gi_trademarks", "baseline", 2024, 9.0), Rows(r));
    }

    [Fact]
    public void Domestic_inside_a_name_narrows_nothing_but_domestic_and_foreign_does()
    {
        var r = Extract("（烟台市知识产权工作新闻）\n烟台日报 2023-04-10\n" +
            "据介绍,2022年,全市共授权国内专利7431件;全市国内外发明专利申请量2600件。\n");
        Assert.Contains(("patent_grants", "baseline", 2022, 7431.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item4 == 2600.0);
    }

    [Fact]
    public void A_sentence_opening_with_of_which_goes_on_with_the_count_the_sentence_before_named()
    {
        var r = Extract("（烟台市知识产权工作新闻）\n烟台日报 2023-04-10\n" +
            "据介绍,2022年,全市专利授权量7431件,同比增长5.2%。其中发明专利1620件,同比增长11.3%。\n");
        Assert.Contains(("invention_grants", "baseline", 2022, 1620.0), Rows(r));
        Assert.Contains(r.Targets, t => t.IndicatorCode == "invention_grants" && t.Measure == "growth_rate" && t.Value == 11.3);
        // A rate has no parts: 其中 after it goes back to a count further up, which this reading does not guess.
        var rate = Extract("（烟台市知识产权工作新闻）\n烟台日报 2023-04-10\n" +
            "据介绍,2022年,全市专利申请量15000件,每万人发明专利拥有量达12.5件。其中发明专利4100件,同比增长9.1%。\n");
        Assert.DoesNotContain(Rows(rate), x => x.Item4 == 4100.0);
    }

    [Fact]
    public void Common_wordings_of_RD_intensity_international_marks_and_GI_output_are_their_indicators()
    {
        var r = Extract("（绵阳市科技创新新闻）\n绵阳日报 2022-05-12\n" +
            "据介绍,全社会R&D经费支出占GDP比重从2016年的6.2%提升到2021年的7.1%。\n" +
            "截至2021年底,全市国际注册商标860件;2021年,地理标志年度产值95.5亿元。\n");
        Assert.Contains(("rd_intensity", "baseline", 2016, 6.2), Rows(r));
        Assert.Contains(("rd_intensity", "baseline", 2021, 7.1), Rows(r));
        Assert.Contains(("madrid_registrations", "baseline", 2021, 860.0), Rows(r));
        Assert.Contains(("gi_product_output", "baseline", 2021, 95.5), Rows(r));
        var plan = Extract("绵阳市科技创新发展规划(2021—2025年)\n到2025年,研发经费投入强度达到7.5%。\n");
        Assert.Contains(("rd_intensity", "goal", 2025, 7.5), Rows(plan));
    }

    [Fact]
    public void A_total_of_registrations_between_a_marks_name_and_its_number_is_a_measure_word()
    {
        var r = Extract("（绵阳市商标品牌工作新闻）\n绵阳日报 2022-05-12\n" +
            "据介绍,截至2021年底,全市马德里国际注册商标有效累计注册总量640件,地理标志商标累计注册总量38件。\n");
        Assert.Contains(("madrid_registrations", "baseline", 2021, 640.0), Rows(r));
        Assert.Contains(("gi_trademarks", "baseline", 2021, 38.0), Rows(r));
    }

    [Fact]
    public void Patent_pledge_financing_is_the_pledge_financing_a_region_reports_but_never_the_whole_again_after_of_which()
    {
        var r = Extract("（绵阳市知识产权金融工作新闻）\n绵阳日报 2022-05-12\n" +
            "据介绍,2021年,全市完成专利质押贷款6.4亿元,惠及企业85家。\n");
        Assert.Contains(("ip_pledge_financing", "baseline", 2021, 6.4), Rows(r));
        var part = Extract("（绵阳市知识产权金融工作新闻）\n绵阳日报 2022-05-12\n" +
            "据介绍,2021年,全市知识产权质押融资9.8亿元,其中专利质押融资6.4亿元。\n");
        Assert.Contains(("ip_pledge_financing", "baseline", 2021, 9.8), Rows(part));
        Assert.DoesNotContain(Rows(part), x => x.Item4 == 6.4);
    }
}
