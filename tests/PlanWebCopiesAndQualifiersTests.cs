using Warehouse.Etl.Sources.PlanDocuments;

using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 5 (issue #15, round 5), with sentences written for these tests: pinyin annotations of
/// web copies, qualifiers inside names (有效, 总量), shared prefixes of a parallel list, levels of government, headings inside a
/// page flattened into one line, and names that run on into longer ones.</summary>
public class PlanWebCopiesAndQualifiersTests
{
    private const string Plan = "常州市知识产权强市建设三年行动计划(2024—2026年)\n常州市人民政府\n";

    [Fact]
    public void Pinyin_after_a_character_is_ignored_and_the_evidence_is_the_documents_sentence()
    {
        var text = Plan + "到2026年,全市每万人口发(fā)明专(zhuān)利拥有量达到95件,有效注(zhù)册商标达到40万件。\n";
        var r = Extract(text);
        Assert.Contains(("invention_patents_per_10k", "goal", 2026, 95.0), Rows(r));
        Assert.Contains(("registered_trademarks", "goal", 2026, 400000.0), Rows(r));
        var t = r.Targets.First(x => x.IndicatorCode == "invention_patents_per_10k");
        Assert.Contains("发(fā)明专(zhuān)利", t.Evidence);
        Assert.Equal(t.Evidence, text.Substring(text.IndexOf(t.Evidence, StringComparison.Ordinal), t.Evidence.Length));
    }

    [Fact]
    public void Evidence_of_a_traditional_script_page_is_its_own_text()
    {
        var r = Extract(Plan + "到2026年,全市發明專利授權量達到1萬件。\n");
        var t = Assert.Single(r.Targets, x => x.IndicatorCode == "invention_grants");
        Assert.Equal(10000.0, t.Value);
        Assert.Contains("發明專利授權量", t.Evidence);
    }

    [Fact]
    public void Brackets_that_are_not_pinyin_stay()
    {
        Assert.Equal("发    明", Script.WithoutPinyin("发(fā)明"));
        Assert.Equal("数     据    ", Script.WithoutPinyin("数(shù)据(jù)"));
        Assert.Equal("地区生产总值(GDP)", Script.WithoutPinyin("地区生产总值(GDP)"));
        Assert.Equal("专利(含发明)", Script.WithoutPinyin("专利(含发明)"));
        Assert.Equal("第(a)项", Script.WithoutPinyin("第(a)项")); // no tone mark: not a pinyin annotation
    }

    [Theory]
    [InlineData("到2026年,全市有效商标注册总量达到50万件。", "registered_trademarks", 500000.0)]
    [InlineData("到2026年,全市有效发明专利拥有总量达到3万件。", "invention_patents_owned", 30000.0)]
    [InlineData("到2026年,全市每万人口有效高价值发明专利拥有量达到20件。", "hv_invention_patents_per_10k", 20.0)]
    [InlineData("到2026年,全市有效地理标志保护产品达到12个。", "gi_protected_products", 12.0)]
    public void A_level_may_carry_the_qualifiers_valid_and_total(string sentence, string indicator, double value)
    {
        Assert.Contains((indicator, "goal", 2026, value), Rows(Extract(Plan + sentence + "\n")));
    }

    [Fact]
    public void A_flow_does_not_take_the_qualifiers_of_a_level()
    {
        // 注册商标量 (new registrations a year) is a flow: 有效注册商标总量 is the stock, never the flow.
        var rows = Rows(Extract(Plan + "到2026年,全市有效注册商标总量达到50万件,全年注册商标量达到6万件。\n"));
        Assert.Contains(("registered_trademarks", "goal", 2026, 500000.0), rows);
        Assert.Contains(("trademark_registrations", "goal", 2026, 60000.0), rows);
        Assert.DoesNotContain(rows, x => x.Item1 == "trademark_registrations" && x.Item4 == 500000.0);
    }

    [Fact]
    public void A_shared_per_capita_prefix_of_a_parallel_list_never_becomes_the_plain_count()
    {
        var r = Extract(Plan + "到2026年,每万人专利申请量和授权量分别达到80.5件和50.2件,发明专利申请量和授权量分别达到9000件和3000件。\n");
        var rows = Rows(r);
        Assert.DoesNotContain(rows, x => x.Item4 is 80.5 or 50.2);
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("50.2"));
        Assert.Contains(("invention_applications", "goal", 2026, 9000.0), rows);
        Assert.Contains(("invention_grants", "goal", 2026, 3000.0), rows);
    }

    [Theory]
    [InlineData("市著名商标达到60件")]
    [InlineData("县级著名商标达到60件")]
    public void A_name_at_another_level_of_government_is_not_the_provincial_indicator(string clause)
    {
        var rows = Rows(Extract(Plan + "到2026年,全市省著名商标达到25件," + clause + "。\n"));
        Assert.Contains(("provincial_famous_trademarks", "goal", 2026, 25.0), rows);
        Assert.DoesNotContain(rows, x => x.Item4 == 60.0);
    }

    [Fact]
    public void A_place_word_before_a_level_name_is_not_a_level()
    {
        Assert.Contains(("provincial_famous_trademarks", "goal", 2026, 25.0), Rows(Extract(Plan + "到2026年,全市著名商标达到25件。\n")));
    }

    [Fact]
    public void Headings_inside_a_page_flattened_into_one_line_switch_the_section()
    {
        var r = Extract("南通市知识产权发展“十五五”规划\n南通市人民政府\n为加快建设知识产权强市,制定本规划。一、南通市知识产权事业发展基础与机遇挑战(一)发展成效全市知识产权工作稳步推进,每万人发明专利拥有量达到70件,有效发明专利拥有量8000件。二、发展目标到2030年,全市每万人发明专利拥有量达到100件。\n");
        var rows = Rows(r);
        Assert.Contains(("invention_patents_per_10k", "baseline", 2025, 70.0), rows);
        Assert.Contains(("invention_patents_owned", "baseline", 2025, 8000.0), rows);
        Assert.Contains(("invention_patents_per_10k", "goal", 2030, 100.0), rows);
        Assert.DoesNotContain(rows, x => x.Item2 == "goal" && x.Item4 is 70.0 or 8000.0);
    }

    [Fact]
    public void A_number_first_name_that_runs_on_is_a_longer_name()
    {
        var rows = Rows(Extract(Plan + "到2026年,培育12个地理标志特色产业集群,新增8个地理标志商标。\n"));
        Assert.DoesNotContain(rows, x => x.Item4 == 12.0);
        Assert.Contains(rows, x => x.Item1 == "gi_trademarks" && x.Item4 == 8.0);
    }

    [Fact]
    public void A_total_amount_may_stand_between_a_name_and_its_number()
    {
        Assert.Contains(("ip_pledge_financing", "goal", 2026, 120.0), Rows(Extract(Plan + "到2026年,全市知识产权质押融资总额超过120亿元。\n")));
    }

    [Theory]
    [InlineData("河源市连平县", "连平县", true)]
    [InlineData("连平县", "连平县", true)]
    [InlineData("江苏省南京市", "南京市", false)]
    [InlineData("连平县", "平县", false)]
    public void A_held_out_label_may_name_a_county_with_its_prefecture(string label, string extracted, bool same)
    {
        Assert.Equal(same, HeldOutEvaluationTests.SameRegion(label, extracted));
    }

    [Fact]
    public void A_single_level_is_not_the_all_levels_count()
    {
        var rows = Rows(Extract(Plan + "到2026年,新增知识产权优势示范企业40家,新增省知识产权优势示范企业30家。\n"));
        Assert.Contains(("ip_advantage_demo_enterprises_all_levels", "goal", 2026, 40.0), rows);
        Assert.DoesNotContain(rows, x => x.Item4 == 30.0);
    }

    [Fact]
    public void A_count_of_deals_then_their_amount_gives_the_amount()
    {
        var r = Extract(Plan + "到2026年,全市知识产权质押融资200笔、金额达到50亿元。\n");
        Assert.Contains(("ip_pledge_financing", "goal", 2026, 50.0), Rows(r));
    }

    [Theory]
    [InlineData("到2026年,专利许可、转让备案次数实现年均增长12%。")]
    [InlineData("到2026年,专利转让和许可次数年均增长12%以上。")]
    public void Transfers_and_licences_in_either_order_and_a_growth_rate_after_shi_xian(string sentence)
    {
        var t = Assert.Single(Extract(Plan + sentence + "\n").Targets, x => x.IndicatorCode == "patent_transfers_licences");
        Assert.Equal(("growth_rate", 12.0), (t.Measure, t.Value));
    }
}
