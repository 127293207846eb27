using Dapper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Store;
using W = DocumentFormat.OpenXml.Wordprocessing;

using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Plans the extractor was not written against: each cause of issue #15, with sentences written for these tests.</summary>
public class PlanGeneralisationTests
{
    private const string Head = "南京市知识产权局\n南京市知识产权高质量发展行动方案（2025—2027年）\n三、主要目标\n";

    // ---- regions ----

    [Theory]
    [InlineData("江苏省人民政府办公厅关于印发江苏省知识产权强省建设推进计划（2024—2026年）的通知\n", "320000", "province")]
    [InlineData("浙江省杭州市余杭区人民政府\n余杭区知识产权强区建设实施方案（2024—2026年）\n", "330110", "county")]
    [InlineData("成都市知识产权局 成都市发展和改革委员会\n成都市“十五五”知识产权发展规划\n", "510100", "city")]
    [InlineData("北京市通州区人民政府\n通州区知识产权工作要点（2025—2027年）\n", "110112", "county")]
    [InlineData("区政府关于印发通州区知识产权工作要点（2025—2027年）的通知\n", "320612", "county")]
    public void Any_province_prefecture_or_county_of_China_is_found_from_the_issuing_body_or_title(string head, string code, string level)
    {
        var r = Extract(head + "一、目标\n到2027年，有效注册商标量达到1000件。\n");
        Assert.Equal(code, r.Header.Region.RegionCode);
        Assert.Equal(level, r.Header.Region.Level);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_plan_of_a_region_outside_the_seeds_loads_and_adds_the_region_with_its_parents(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("plan.txt");
        File.WriteAllText(path, "广东省深圳市南山区科技创新局\n南山区知识产权促进行动计划（2025—2027年）\n一、目标\n到2027年，PCT专利申请量达到2000件。\n");
        var result = new PlanLoader(wh.Dialect).Load(path);
        Assert.True(result.Succeeded, result.Error);
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal("440305", c.ExecuteScalar<string>("SELECT region_code FROM v_targets"));
        Assert.Equal("440300", c.ExecuteScalar<string>("SELECT parent_code FROM dim_region WHERE region_code = '440305'"));
        Assert.Equal(2, c.ExecuteScalar<int>("SELECT count(*) FROM dim_region WHERE region_code IN ('440000', '440300')"));
    }

    [Fact]
    public void The_issuing_body_in_the_signature_gives_the_region_when_the_head_names_none()
    {
        var r = Extract("关于印发知识产权强市建设行动方案（2025—2027年）的通知\n一、目标\n到2027年，有效注册商标量达到8万件。\n" +
            "宁波市人民政府办公厅\n2025年4月2日\n");
        Assert.Equal("330200", r.Header.Region.RegionCode);
    }

    [Fact]
    public void The_span_comes_from_the_plans_own_title_not_from_a_plan_it_cites()
    {
        var r = Extract("苏州市人民政府\n苏州市知识产权强市建设三年行动计划\n为落实《“十四五”国家知识产权保护和运用规划》和《江苏省“十四五”知识产权发展规划》，制定本计划。\n" +
            "一、目标\n到2027年，发明专利授权量达到9000件。\n");
        Assert.Equal((2025, 2027), (r.Header.StartYear, r.Header.EndYear));
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", TargetYear: 2027, Kind: "goal" });
    }

    [Fact]
    public void A_text_naming_no_region_fails_with_a_reason_that_does_not_ask_for_an_existing_alias()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Extract("某某单位\n知识产权工作方案（2025—2027年）\n"));
        Assert.Contains("no province, prefecture or county", ex.Message);
    }

    // ---- indicators ----

    [Fact]
    public void A_longer_indicator_the_dictionary_does_not_know_is_rejected_never_loaded_as_a_shorter_one()
    {
        var r = Extract(Head + "到2027年，每百户市场主体注册商标拥有量达到45件，涉及专利的技术合同成交额达到18亿元，美术作品著作权登记量达到900件。\n");
        Assert.DoesNotContain(r.Targets, t => t.IndicatorCode is "registered_trademarks" or "tech_contract_turnover" or "copyright_registrations_total"
            or "copyright_registrations");
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("每百户市场主体注册商标拥有量达到45件"));
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("18亿元"));
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("900件"));
    }

    [Fact]
    public void Names_match_whatever_their_wording_of_per_10k_count_year_and_particles()
    {
        var r = Extract(Head + "到2027年，PCT国际专利申请每年达到160件，发明专利年申请量达到5200件，每万人口有效发明专利拥有量达到70件，" +
            "知识产权服务机构数达到45家，有效注册商标的数量达到３６万件。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode);
        Assert.Equal(("annual", 160.0), (t["pct_applications"].Measure, t["pct_applications"].Value));
        Assert.Equal(5200, t["invention_applications"].Value);
        Assert.Equal(70, t["invention_patents_per_10k"].Value);
        Assert.Equal(45, t["ip_service_agencies"].Value);
        Assert.Equal(360000, t["registered_trademarks"].Value);
        Assert.DoesNotContain(r.Targets, x => x.IndicatorCode == "patent_applications");
        Assert.Equal(5, r.Targets.Count);
    }

    // ---- phrasing and measures ----

    [Fact]
    public void A_list_of_names_with_respective_numbers_pairs_them_in_order()
    {
        var r = Extract(Head + "到2027年，发明专利授权量、PCT专利申请量和马德里商标注册量分别达到8000件、260件、90件。\n");
        Assert.Equal([("invention_grants", 8000.0), ("pct_applications", 260.0), ("madrid_registrations", 90.0)],
            r.Targets.Select(t => (t.IndicatorCode, t.Value)).ToList());
        Assert.Empty(r.Unknown);
    }

    [Fact]
    public void Comparators_growth_rates_and_numbers_without_a_verb_are_read()
    {
        var r = Extract(Head + "到2027年，有效发明专利拥有量突破4万件，马德里商标注册量力争达到300件，发明专利授权量年均不少于1500件，" +
            "知识产权质押融资金额三年累计不低于90亿元，专利申请量增幅8%以上，商标申请量年均增长6%以上，作品登记量2.5万件。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode);
        Assert.Equal((40000.0, ">="), (t["invention_patents_owned"].Value, t["invention_patents_owned"].Comparator));
        Assert.Equal(300, t["madrid_registrations"].Value);
        Assert.Equal(("annual", 1500.0), (t["invention_grants"].Measure, t["invention_grants"].Value));
        Assert.Equal(">=", t["ip_pledge_financing"].Comparator);
        Assert.Equal(("cumulative", 90.0, 2025, 2027), (t["ip_pledge_financing"].Measure, t["ip_pledge_financing"].Value,
            t["ip_pledge_financing"].SpanStart, t["ip_pledge_financing"].SpanEnd));
        Assert.Equal(("growth_rate", 8.0, ">="), (t["patent_applications"].Measure, t["patent_applications"].Value, t["patent_applications"].Comparator));
        Assert.Equal(("growth_rate", 6.0, 2025), (t["trademark_applications"].Measure, t["trademark_applications"].Value, t["trademark_applications"].SpanStart));
        Assert.Equal(25000, t["copyright_registrations"].Value);
        Assert.Equal(7, r.Targets.Count);
    }

    [Fact]
    public void About_is_equal_at_most_is_at_most()
    {
        var r = Extract(Head + "到2027年，著作权登记量达到5万件左右，专利申请量年均增长8%左右，知识产权行政案件查处量控制在200件以内。\n");
        var t = r.Targets.ToDictionary(x => x.IndicatorCode);
        Assert.Equal(("=", 50000.0), (t["copyright_registrations_total"].Comparator, t["copyright_registrations_total"].Value));
        Assert.Equal(("=", "growth_rate"), (t["patent_applications"].Comparator, t["patent_applications"].Measure));
        Assert.Equal("<=", t["ip_admin_cases"].Comparator);
    }

    [Fact]
    public void Committed_numbers_no_rule_loads_are_rejects_while_dates_task_counts_and_multiples_stay_out()
    {
        var r = Extract("南京市人民政府办公厅文件\n宁政办发〔2025〕12号\n南京市知识产权高质量发展行动方案（2025—2027年）\n经市政府第8次常务会议研究同意，2025年3月18日印发。\n" +
            "三、主要目标\n围绕6项重点任务实施12大工程，专利质押登记项目数达到150个，数据知识产权登记证书发放量达到80件。\n" +
            "（一）发展基础\n十四五期间专利授权量增长2倍，新增知识产权示范企业12家。\n");
        Assert.DoesNotContain(r.Targets, t => t.Kind != "baseline");
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("150个"));
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("80件"));
        Assert.DoesNotContain(r.Unknown, u => u.Phrase.Contains("6项") || u.Phrase.Contains("12大") || u.Phrase.Contains("2倍") || u.Phrase.Contains("8次"));
        Assert.Equal(2, r.Unknown.Count);
    }

    // ---- tables ----

    [Fact]
    public void A_table_with_serial_unit_year_and_attribute_columns_is_read_by_its_header()
    {
        var r = Extract(Head + "序号\t指标\t单位\t2024年\t2027年\t属性\n1\t万人高价值发明专利拥有量\t件\t16\t22\t预期性\n" +
            "2\t知识产权质押融资金额\t亿元\t40\t60\t预期性\n3\t每百户企业商标拥有量\t件\t30\t36\t预期性\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "hv_invention_patents_per_10k", Kind: "baseline", TargetYear: 2024, Value: 16 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "hv_invention_patents_per_10k", Kind: "goal", TargetYear: 2027, Value: 22 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "ip_pledge_financing", Kind: "goal", Value: 60 });
        Assert.DoesNotContain(r.Targets, t => t.Value is 1 or 2 or 3);
        Assert.Contains(r.Unknown, u => u.Phrase.Contains("每百户企业商标拥有量"));
        Assert.Equal(4, r.Targets.Count);
    }

    [Fact]
    public void A_baseline_and_target_table_written_one_cell_per_line_is_read()
    {
        var r = Extract(Head + "指标名称\n基数\n目标值\n发明专利授权量（件）\n5100\n6800\n商标申请量（万件）\n3.2\n4\n四、重点任务\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "baseline", TargetYear: 2024, Value: 5100 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_grants", Kind: "goal", TargetYear: 2027, Value: 6800 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "trademark_applications", Kind: "goal", Value: 40000 });
        Assert.Equal(4, r.Targets.Count);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_word_table_with_baseline_and_target_columns_loads(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("plan.docx");
        OfficeFiles.Docx(path, ["无锡市知识产权局", "无锡市知识产权强市建设行动方案（2025—2027年）", "二、主要目标"],
            [["序号", "指标", "现状", "目标", "属性"], ["1", "有效注册商标量（万件）", "28", "33", "预期性"], ["2", "专利代理机构（家）", "60", "75", "预期性"]]);
        var result = new PlanLoader(wh.Dialect).Load(path);
        Assert.True(result.Succeeded, result.Error);
        using var c = wh.Dialect.OpenReadWrite();
        var rows = c.Query<(string, string, long, double)>("SELECT indicator_code, target_kind, target_year, value FROM v_targets ORDER BY 1, 2").ToList();
        Assert.Equal([("patent_agencies", "baseline", 2024L, 60.0), ("patent_agencies", "goal", 2027L, 75.0),
            ("registered_trademarks", "baseline", 2024L, 280000.0), ("registered_trademarks", "goal", 2027L, 330000.0)], rows);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_word_table_with_merged_cells_and_headings_without_numbers_loads(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var path = wh.PathOf("merged.docx");
        using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            static W.TableCell Cell(string text, int span = 1, W.MergedCellValues? merge = null)
            {
                var props = new W.TableCellProperties();
                if (span > 1) props.Append(new W.GridSpan { Val = span });
                if (merge is { } m) props.Append(new W.VerticalMerge { Val = m });
                return new W.TableCell(props, new W.Paragraph(new W.Run(new W.Text(text))));
            }
            var (start, cont) = (W.MergedCellValues.Restart, W.MergedCellValues.Continue);
            var table = new W.Table(
                new W.TableRow(Cell("序号", 1, start), Cell("类别", 1, start), Cell("指标", 1, start), Cell("单位", 1, start), Cell("指标值", 2), Cell("属性", 1, start)),
                new W.TableRow(Cell("", 1, cont), Cell("", 1, cont), Cell("", 1, cont), Cell("", 1, cont), Cell("2024年"), Cell("2027年"), Cell("", 1, cont)),
                new W.TableRow(Cell("1"), Cell("创造", 1, start), Cell("每万人口高价值发明专利拥有量"), Cell("件"), Cell("28.5"), Cell("40"), Cell("预期性")),
                new W.TableRow(Cell("2"), Cell("", 1, cont), Cell("PCT国际专利申请量"), Cell("件"), Cell("700"), Cell("1000"), Cell("预期性")));
            var body = new W.Body(new W.Paragraph(new W.Run(new W.Text("西安市人民政府办公厅"))),
                new W.Paragraph(new W.Run(new W.Text("西安市知识产权强市建设行动方案（2025—2027年）"))),
                new W.Paragraph(new W.Run(new W.Text("发展基础"))), new W.Paragraph(new W.Run(new W.Text("全市有效发明专利拥有量达到8.2万件。"))),
                new W.Paragraph(new W.Run(new W.Text("主要目标"))), new W.SdtBlock(new W.SdtContentBlock(table)));
            doc.AddMainDocumentPart().Document = new W.Document(body);
        }
        var result = new PlanLoader(wh.Dialect).Load(path);
        Assert.True(result.Succeeded, result.Error);
        using var c = wh.Dialect.OpenReadWrite();
        var rows = c.Query<(string, string, long, double)>("SELECT indicator_code, target_kind, target_year, value FROM v_targets ORDER BY 1, 2, 3").ToList();
        Assert.Equal([("hv_invention_patents_per_10k", "baseline", 2024L, 28.5), ("hv_invention_patents_per_10k", "goal", 2027L, 40.0),
            ("invention_patents_owned", "baseline", 2024L, 82000.0), ("pct_applications", "baseline", 2024L, 700.0), ("pct_applications", "goal", 2027L, 1000.0)], rows);
    }

    [Fact]
    public void Yearly_schedule_lines_become_milestones_and_the_last_year_a_goal()
    {
        var r = Extract(Head + "四、进度安排\n2025年：万人发明专利拥有量达到61件。\n2026年：万人发明专利拥有量达到66件。\n2027年：万人发明专利拥有量达到72件。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_per_10k", Kind: "milestone", TargetYear: 2025, Value: 61 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_per_10k", Kind: "milestone", TargetYear: 2026, Value: 66 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_per_10k", Kind: "goal", TargetYear: 2027, Value: 72 });
        Assert.Equal(3, r.Targets.Count);
    }

    [Fact]
    public void A_header_split_over_two_rows_under_merged_cells_still_pairs_years_with_values()
    {
        var r = Extract(Head + "序号\t指标\t单位\t指标值\t属性\n\t\t\t2024年\t2027年\t\n1\t专利代理机构\t家\t40\t55\t预期性\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_agencies", Kind: "baseline", TargetYear: 2024, Value: 40 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_agencies", Kind: "goal", TargetYear: 2027, Value: 55 });
        Assert.Equal(2, r.Targets.Count);
    }

    [Fact]
    public void Unnumbered_headings_previous_plan_results_and_past_years_are_baselines()
    {
        var r = Extract("杭州市人民政府\n杭州市“十五五”知识产权发展规划\n发展基础\n全市有效发明专利拥有量达到12万件。\n发展目标\n" +
            "“十四五”期间累计新增专利授权量30万件。2025年，全市商标申请量9万件。到2030年，有效发明专利拥有量达到20万件。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_owned", Kind: "baseline", TargetYear: 2025, Value: 120000 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "patent_grants", Kind: "baseline", Value: 300000 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "invention_patents_owned", Kind: "goal", TargetYear: 2030, Value: 200000 });
        Assert.DoesNotContain(r.Targets, t => t.IndicatorCode == "trademark_applications" && t.Kind != "baseline");
    }

    [Fact]
    public void From_to_with_written_years_gives_those_years_and_past_growth_rates_are_not_loaded()
    {
        var r = Extract(Head.Replace("三、主要目标\n", "一、发展基础\n") +
            "商标申请量由2019年的6万件增加到2024年的9.5万件，年均增长9.6%。发明专利授权量年均增长12%。\n");
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "trademark_applications", Kind: "baseline", TargetYear: 2019, Value: 60000 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "trademark_applications", Kind: "baseline", TargetYear: 2024, Value: 95000, Measure: "annual" });
        Assert.DoesNotContain(r.Targets, t => t.Measure == "growth_rate");
        Assert.Equal(2, r.Targets.Count);
    }

    [Fact]
    public void A_yearly_schedule_in_one_sentence_carries_the_indicator_to_the_next_years()
    {
        var r = Extract(Head + "2025年，有效发明专利拥有量达到6万件；2026年，达到6.5万件；2027年，突破7万件。\n");
        Assert.Equal([("milestone", 2025, 60000.0), ("milestone", 2026, 65000.0), ("goal", 2027, 70000.0)],
            r.Targets.Where(t => t.IndicatorCode == "invention_patents_owned").Select(t => (t.Kind, t.TargetYear, t.Value)).ToList());
        Assert.Empty(r.Unknown);
    }

    // ---- script ----

    [Fact]
    public void A_plan_in_traditional_characters_is_read_as_simplified()
    {
        var r = Extract("廣東省廣州市天河區人民政府\n天河區知識產權發展規劃（2025—2027年）\n三、主要目標\n到2027年，每萬人口高價值發明專利擁有量達到15件，有效註冊商標量達到2萬件。\n");
        Assert.Equal("440106", r.Header.Region.RegionCode);
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "hv_invention_patents_per_10k", Value: 15 });
        Assert.Contains(r.Targets, t => t is { IndicatorCode: "registered_trademarks", Value: 20000 });
    }

    [Fact]
    public void Conversion_keeps_simplified_text_and_offsets()
    {
        const string simplified = "著作权登记量达到3000件，乾坤";
        Assert.Equal(simplified, Script.ToSimplified(simplified));
        Assert.Equal("专利发展规划", Script.ToSimplified("專利發展規劃"));
    }
}
