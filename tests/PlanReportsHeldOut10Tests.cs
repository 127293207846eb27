using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 10 (issue #15, round 11), with sentences written for these tests: a term (自…至2026年4月) or a
/// rise (增长到2022年的B) taken for a plan's goal year; a news page's results for a year before its date read as targets; a base
/// year (是2015年的2.6倍) dating a result; 将 before the comparator; 届时 (by then) for the target year named before; lists of
/// names from an earlier plan's end, with their growth over the period; a level compared after ranks, with its growth since; an
/// elided 授权量 after a comma; a number per 10,000 people after a count's name; 注册和登记的地理标志.</summary>
public class PlanReportsHeldOut10Tests
{
    [Fact]
    public void A_term_or_a_rise_already_made_is_not_a_goal_year_so_a_news_page_stays_a_report()
    {
        var term = Extract("(芜湖市获批国家知识产权强市建设试点城市)\n芜湖日报(记者 某某,2023-05-12)\n" +
            "近日,国家知识产权局确定芜湖市为国家知识产权强市建设试点城市,试点期自2023年4月至2026年4月。\n" +
            "2022年,全市发明专利授权量达到5210件,商标注册量达到1.8万件。\n");
        Assert.True(term.Header.IsReport);
        Assert.Contains(("invention_grants", "baseline", 2022, 5210.0), Rows(term));
        var rise = Extract("(绵阳市专利工作综述)\n绵阳日报(记者 某某,2023-03-02)\n" +
            "据统计,全市有效发明专利拥有量从2018年的4100件增长到2022年的9800件,创新活力持续增强。\n");
        Assert.True(rise.Header.IsReport);
        Assert.Contains(("invention_patents_owned", "baseline", 2022, 9800.0), Rows(rise));
        Assert.DoesNotContain(Rows(rise), x => x.Item2 != "baseline");
        // A plan's own years written from-to (从2024年到2026年) still give its goal year.
        var plan = Extract("济宁市知识产权强市建设行动计划\n济宁市人民政府\n" +
            "从2024年到2026年,用三年时间,全市有效发明专利拥有量达到2万件,知识产权保护水平明显提升。\n");
        Assert.Contains(("invention_patents_owned", "goal", 2026, 20000.0), Rows(plan));
    }

    [Fact]
    public void A_news_page_naming_a_plan_before_the_verb_that_issued_it_takes_that_plans_span()
    {
        var r = Extract("(《襄阳市知识产权保护工作方案(2023-2025年)》出台)\n襄阳晚报(记者 某某)\n" +
            "记者从市知识产权局获悉,《襄阳市知识产权保护工作方案(2023-2025年)》(以下简称《方案》)近日印发。" +
            "《方案》明确,到2024年,全市专利授权量达到1.2万件;到2025年,全市专利授权量达到1.5万件。\n");
        Assert.Equal((2023, 2025), (r.Header.StartYear, r.Header.EndYear));
        Assert.Contains(("patent_grants", "milestone", 2024, 12000.0), Rows(r));
        Assert.Contains(("patent_grants", "goal", 2025, 15000.0), Rows(r));
    }

    [Fact]
    public void A_news_pages_figures_for_a_year_before_its_date_are_results_even_inside_the_plans_period()
    {
        var r = Extract("(《常德市知识产权“十四五”规划》发布)\n常德日报(记者 某某,2022-06-18)\n" +
            "近日,常德市知识产权局正式发布《常德市知识产权“十四五”规划》,对今后五年的知识产权工作作出全面部署。\n" +
            "2021年,全市专利授权量达到6120件,地理标志商标达到35件。\n" +
            "规划提出,到2025年,每万人口高价值发明专利拥有量达到4件。\n");
        Assert.Contains(("patent_grants", "baseline", 2021, 6120.0), Rows(r));
        Assert.Contains(("gi_trademarks", "baseline", 2021, 35.0), Rows(r));
        Assert.Contains(("hv_invention_patents_per_10k", "goal", 2025, 4.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "milestone");
        // The page's date written in words (2022年3月15日) dates it as well.
        var worded = Extract("(《南阳市知识产权“十四五”规划》出台)\n南阳日报 2022年3月15日\n" +
            "记者从市市场监管局获悉,《南阳市知识产权“十四五”规划》近日印发,明确了今后五年的主要目标。\n" +
            "2021年,全市专利授权量达到8200件。\n");
        Assert.Contains(("patent_grants", "baseline", 2021, 8200.0), Rows(worded));
    }

    [Fact]
    public void A_base_year_compared_with_leaves_a_result_at_the_date_of_the_report_before_it()
    {
        var r = Extract("(宜宾市知识产权工作迈上新台阶)\n宜宾日报(记者 某某)\n" +
            "记者从市市场监管局了解到,《宜宾市知识产权发展规划(2021-2025年)》已经印发,规划提出,到2025年,全市每万人口高价值发明专利拥有量达到5件。\n" +
            "截至2020年底,全市发明专利授权量1230件,是2015年的2.6倍;商标注册量8600件,是2015年的3.1倍;" +
            "有效发明专利拥有量3400件,比2015年增长180%。\n");
        Assert.False(r.Header.IsReport);
        Assert.Contains(("invention_grants", "baseline", 2020, 1230.0), Rows(r));
        Assert.Contains(("trademark_registrations", "baseline", 2020, 8600.0), Rows(r));
        Assert.Contains(("invention_patents_owned", "baseline", 2020, 3400.0), Rows(r));
        Assert.Contains(("hv_invention_patents_per_10k", "goal", 2025, 5.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item2 == "goal" && x.Item1 != "hv_invention_patents_per_10k");
    }

    [Fact]
    public void Jiang_before_the_comparator_still_commits_in_either_script()
    {
        var r = Extract("潍坊市知识产权强市建设实施方案(2023-2025年)\n潍坊市人民政府\n一、工作目标\n" +
            "到2025年,全市有效发明专利拥有量将突破2.5万件,年专利授权量将达到3万件。\n");
        Assert.Contains(("invention_patents_owned", "goal", 2025, 25000.0), Rows(r));
        Assert.Contains(("patent_grants", "goal", 2025, 30000.0), Rows(r));
        // A traditional-script web copy with pinyin after split glyphs (請(qǐng), 發(fā)): the same reading.
        var traditional = Extract("潍坊市知識產權強市建設實施方案(2023-2025年)\n潍坊市人民政府\n一、工作目標\n" +
            "到2025年,全市年專利申請(qǐng)量將突破4.2萬件,每萬人口發(fā)明專利擁有量將達(dá)到18件。\n");
        Assert.Contains(("patent_applications", "goal", 2025, 42000.0), Rows(traditional));
        Assert.Contains(("invention_patents_per_10k", "goal", 2025, 18.0), Rows(traditional));
    }

    [Fact]
    public void Jieshi_takes_the_target_year_named_before_it()
    {
        var r = Extract("德州市知识产权发展规划(2021-2025年)\n德州市人民政府\n二、发展目标\n" +
            "到2023年,全市知识产权工作取得明显进展。届时,全市每万人口发明专利拥有量达到6.5件,有效注册商标量达到9万件。\n" +
            "到2025年,每万人口发明专利拥有量达到8件。\n");
        Assert.Contains(("invention_patents_per_10k", "milestone", 2023, 6.5), Rows(r));
        Assert.Contains(("registered_trademarks", "milestone", 2023, 90000.0), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "goal", 2025, 8.0), Rows(r));
        // In traditional script too (屆時).
        var traditional = Extract("德州市知識產權發展規劃(2021-2025年)\n德州市人民政府\n二、發展目標\n" +
            "到2023年,全市知識產權工作取得明顯進展。屆時,全市專利授權量突破1.1萬件。\n");
        Assert.Contains(("patent_grants", "milestone", 2023, 11000.0), Rows(traditional));
    }

    [Fact]
    public void A_list_from_an_earlier_plans_end_has_that_years_baselines_and_each_ones_growth_over_the_period()
    {
        var r = Extract("(漳州市知识产权工作综述)\n闽南日报(记者 某某,2021-04-26)\n" +
            "近年来,全市发明专利申请量、授权量分别从“十二五”末的1320件、410件增长到2020年的3050件、980件,占全省的两成,年均分别增长18.3%和19.0%。\n");
        Assert.Contains(("invention_applications", "baseline", 2015, 1320.0), Rows(r));
        Assert.Contains(("invention_grants", "baseline", 2015, 410.0), Rows(r));
        Assert.Contains(("invention_grants", "baseline", 2020, 980.0), Rows(r));
        Assert.Contains(r.Targets, t => t is
            { IndicatorCode: "invention_applications", Kind: "baseline", Measure: "growth_rate", Value: 18.3,
            TargetYear: 2020, SpanStart: 2016 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Measure: "growth_rate", Value: 19.0 });
        // Among goals, one growth-rate target per listed name.
        var goals = Extract("漳州市知识产权强市建设方案(2024-2026年)\n漳州市人民政府\n一、工作目标\n" +
            "到2026年,发明专利申请量、授权量年均分别增长12%和10%以上。\n");
        Assert.Contains(goals.Targets, t => t is
            { IndicatorCode: "invention_applications", Kind: "goal", Measure: "growth_rate", Value: 12.0 });
        Assert.Contains(goals.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "goal", Measure: "growth_rate", Value: 10.0 });
    }

    [Fact]
    public void A_level_compared_after_ranks_is_its_years_baseline_with_the_growth_since()
    {
        var r = Extract("嘉兴市知识产权“十四五”规划\n嘉兴市人民政府\n一、发展基础\n" +
            "2020年,全市每万人口发明专利拥有量达到28.4件,在全省11个设区市中位列第三位,较“十二五”末的9.6件年均增长24.2%。\n");
        Assert.Contains(("invention_patents_per_10k", "baseline", 2020, 28.4), Rows(r));
        Assert.Contains(("invention_patents_per_10k", "baseline", 2015, 9.6), Rows(r));
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_per_10k", Measure: "growth_rate", Value: 24.2,
            Kind: "baseline", TargetYear: 2020, SpanStart: 2016 });
    }

    [Fact]
    public void A_measure_word_after_a_comma_continues_the_name_before_it()
    {
        var r = Extract("衡水市知识产权强市建设实施方案(2023-2025年)\n衡水市人民政府\n一、工作目标\n" +
            "到2025年,全市发明专利申请量达到1.5万件,授权量达到6000件,商标品牌建设取得新成效。\n");
        Assert.Contains(("invention_applications", "goal", 2025, 15000.0), Rows(r));
        Assert.Contains(("invention_grants", "goal", 2025, 6000.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item1 == "patent_grants");
    }

    [Fact]
    public void A_number_per_ten_thousand_people_after_a_counts_name_is_the_rate()
    {
        var r = Extract("九江市知识产权强市建设方案(2023-2025年)\n九江市人民政府\n一、工作目标\n" +
            "到2025年,全市发明专利拥有量达到每万人25件以上,每万人口力争拥有8件高价值发明专利。\n");
        Assert.Contains(("invention_patents_per_10k", "goal", 2025, 25.0), Rows(r));
        Assert.Contains(("hv_invention_patents_per_10k", "goal", 2025, 8.0), Rows(r));
        Assert.DoesNotContain(Rows(r), x => x.Item1 == "invention_patents_owned");
        var thingFirst = Extract("九江市知识产权强市建设方案(2023-2025年)\n九江市人民政府\n一、工作目标\n到2025年,全市每万人力争拥有发明专利26件。\n");
        Assert.Contains(("invention_patents_per_10k", "goal", 2025, 26.0), Rows(thingFirst));
    }

    [Fact]
    public void Geographical_indications_registered_and_recorded_are_all_of_them()
    {
        var r = Extract("丽江市知识产权强市建设方案(2023-2025年)\n丽江市人民政府\n一、工作目标\n" +
            "到2025年,全市注册、登记的地理标志达到22个,受保护的地理标志产品达到9个。\n");
        Assert.Contains(("gi_trademarks", "goal", 2025, 22.0), Rows(r));
        Assert.Contains(("gi_protected_products", "goal", 2025, 9.0), Rows(r));
        // A 的-phrase that narrows the name (涉及专利的) still makes it unknown.
        var narrowed = Extract("丽江市知识产权强市建设方案(2023-2025年)\n丽江市人民政府\n一、工作目标\n到2025年,涉及专利的技术合同成交额达到20亿元。\n");
        Assert.DoesNotContain(narrowed.Targets, t => t.Value == 200000.0 || t.Value == 20.0);
    }
}
