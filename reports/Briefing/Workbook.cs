using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Warehouse.Reports.Briefing;

/// <summary>The Excel briefing: 总览 (scorecard), one sheet per core indicator with a native line chart, 目标, 数据来源, 说明.</summary>
public static class Workbook
{
    // Style indexes into the stylesheet below.
    private const uint Plain = 0, Header = 1, Number = 2, Decimal = 3, Percent = 4, Date = 5, Forecast = 6, Wrap = 7,
        StatusOn = 8, StatusRisk = 9, StatusOff = 10, StatusNone = 11, Title = 12;

    /// <summary>Writes the workbook to <paramref name="path"/>.</summary>
    public static void Write(BriefingData d, string path, DateOnly date)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets());
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        uint sheetId = 1;

        // 总览
        var overview = new List<Row> { TitleRow($"五地知识产权目标达成总览（截至{d.Year}年）{(d.UsesIllustrative ? "　示例数据，非真实统计" : "")}") };
        overview.Add(HeaderRow("地区", "指标", "单位", "目标类型", "目标年", "目标值", "最新年份", "最新值", "进度", "目标年预测", "80%下限", "80%上限", "达成概率", "状态", "说明"));
        foreach (var a in d.Attainment.Where(a => a.TargetKind == "goal").OrderBy(a => Array.IndexOf(BriefingData.RegionOrder, a.RegionCode)).ThenBy(a => a.IndicatorName))
            overview.Add(new Row(Str(a.RegionName), Str(a.IndicatorName), Str(a.Unit), Str(MeasureZh(a.Measure)), Num(a.TargetYear, Number), Num(a.Target, Decimal),
                Num(a.LatestYear, Number), Num(a.LatestValue, Decimal), Num(a.Progress, Percent), Num(a.Forecast, Decimal), Num(a.Lo80, Decimal), Num(a.Hi80, Decimal),
                Num(a.ProbabilityMet, Percent), Str(Palette.Label(a.Status), StatusStyle(a.Status)), Str(a.Note ?? "")));
        AddSheet(wb, "总览", overview, [24, 30, 9, 10, 8, 12, 9, 12, 9, 12, 11, 11, 10, 14, 40], 2, ref sheetId);

        // One sheet per core indicator: regions × years, forecasts in italic blue, plus a native line chart.
        foreach (var code in new[] { "hv_invention_patents_per_10k", "invention_patents_per_10k", "invention_patents_owned", "patent_grants", "invention_grants",
                     "pct_applications", "registered_trademarks", "madrid_registrations", "ip_pledge_financing" })
        {
            var ind = d.IndicatorOf(code);
            var obs = d.Observations.Where(o => o.IndicatorCode == code).ToList();
            var fc = d.Forecasts.Where(f => f.IndicatorCode == code).ToList();
            if (obs.Count == 0) continue;
            var years = obs.Select(o => o.Year).Concat(fc.Select(f => f.Year)).Distinct().Order().ToList();
            var rows = new List<Row> { TitleRow($"{ind.IndicatorName}（{ind.Unit}）　黑色为观测值，蓝色斜体为预测值{(d.UsesIllustrative ? "；示例数据" : "")}") };
            rows.Add(HeaderRow(new[] { "地区" }.Concat(years.Select(y => y.ToString(CultureInfo.InvariantCulture))).ToArray()));
            foreach (var r in d.Regions)
            {
                var cells = new List<Cell> { Str(r.RegionName) };
                foreach (var y in years)
                {
                    var o = obs.FirstOrDefault(x => x.RegionCode == r.RegionCode && x.Year == y);
                    var f = fc.FirstOrDefault(x => x.RegionCode == r.RegionCode && x.Year == y);
                    cells.Add(o != null ? Num(o.Value, Decimal) : f != null ? Num(f.Point, Forecast) : Str(""));
                }
                rows.Add(new Row(cells));
            }
            rows.Add(new Row(Str("")));
            rows.Add(new Row(Str("来源：观测值取自 v_observations（统计 > 公开 > 示例 的优先顺序），预测取自 v_forecasts。", Wrap)));
            var ws = AddSheet(wb, SheetName(ind.IndicatorName), rows, new double[] { 22 }.Concat(years.Select(_ => 10.0)).ToArray(), 2, ref sheetId);
            AddLineChart(ws, SheetName(ind.IndicatorName), ind.IndicatorName, ind.Unit, d.Regions.Count, years.Count);
        }

        // 目标: every target with its evidence sentence.
        var targets = new List<Row> { TitleRow("规划目标、阶段目标与基线（每个数字都附原文出处）"),
            HeaderRow("地区", "指标", "单位", "类型", "口径", "起始年", "结束年", "目标年", "比较", "数值", "规划文件", "原文位置（字符）", "原文") };
        foreach (var t in d.Targets)
            targets.Add(new Row(Str(t.RegionName), Str(t.IndicatorName), Str(t.Unit), Str(KindZh(t.TargetKind)), Str(MeasureZh(t.Measure)), Num(t.PeriodStart, Number),
                Num(t.PeriodEnd, Number), Num(t.TargetYear, Number), Str(t.Comparator), Num(t.Value, Decimal), Str(t.SourceDocument), Num(t.EvidenceOffset, Number), Str(t.Evidence, Wrap)));
        AddSheet(wb, "目标", targets, [24, 28, 9, 8, 8, 8, 8, 8, 6, 12, 36, 12, 80], 2, ref sheetId);

        // 数据来源
        var sources = new List<Row> { TitleRow("数据来源"), HeaderRow("文件", "类型", "标题", "SHA-256 校验和", "导入时间") };
        foreach (var s in d.Sources)
            sources.Add(new Row(Str(s.SourceName), Str(KindZh(s.Kind)), Str(s.Title ?? ""), Str(s.Checksum), DateCell(s.LoadedAt)));
        AddSheet(wb, "数据来源", sources, [48, 10, 40, 70, 18], 2, ref sheetId);

        // 说明
        var notes = new[]
        {
            ("生成日期", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("目标类型", "目标 = 规划期末的目标；阶段目标 = 规划期内某年的目标；基线 = 规划所述已取得的成绩。"),
            ("口径", "存量 = 期末水平；年度 = 当年发生量；累计 = 规划期内各年之和；新增 = 期末比期初的增加量；比率 = 比例或人均。"),
            ("预测方法", "默认方法为“带漂移随机游走、Theta 法、阻尼趋势指数平滑”三者的平均。预测区间由该序列自身的滚动样本外误差校准（M3 年度数据上 95% 区间覆盖约 92%）。"),
            ("达成概率", "按预测分布（以 95% 区间推算的正态分布）计算目标比较式成立的概率；累计目标把已观测年份与预测年份相加。"),
            ("状态阈值", "达成概率 ≥75% 有望达成；40%–75% 存在风险；<40% 难以达成；目标年已有观测值时直接判定已达成/未达成；观测少于 4 年为数据不足。"),
            ("示例数据", d.UsesIllustrative ? "本简报包含示例数据（illustrative），由确定性生成器生成，仅经过真实的规划基线与公开数据点，不是统计数据。" : "本简报不含示例数据。"),
        };
        var noteRows = new List<Row> { TitleRow("说明"), HeaderRow("项目", "内容") };
        noteRows.AddRange(notes.Select(n => new Row(Str(n.Item1, Header), Str(n.Item2, Wrap))));
        AddSheet(wb, "说明", noteRows, [14, 110], 2, ref sheetId);
        wb.Workbook.Save();
    }

    private static string SheetName(string name) => new string(name.Where(c => !"[]:*?/\\".Contains(c)).ToArray()) is var s && s.Length > 31 ? s[..31] : s;

    private static string MeasureZh(string m) => m switch { "stock" => "存量", "annual" => "年度", "cumulative" => "累计", "increment" => "新增", "ratio" => "比率", _ => m };

    private static string KindZh(string k) => k switch
    {
        "goal" => "目标", "milestone" => "阶段目标", "baseline" => "基线", "plan" => "规划文件", "statistics" => "统计数据", "published" => "公开数据", "illustrative" => "示例数据", _ => k,
    };

    private static uint StatusStyle(string s) => s switch { "met" or "on_track" => StatusOn, "at_risk" => StatusRisk, "off_track" => StatusOff, _ => StatusNone };

    private static Cell Str(string text, uint style = Plain) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    private static Cell Num(double? v, uint style) => v is { } x && double.IsFinite(x) ? new Cell { CellValue = new CellValue(x), DataType = CellValues.Number, StyleIndex = style } : Str("");

    private static Cell DateCell(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new Cell { CellValue = new CellValue(t.DateTime.ToOADate()), StyleIndex = Date }
            : Str(iso);

    private static Row TitleRow(string text) => new(Str(text, Title));

    private static Row HeaderRow(params string[] names) => new(names.Select(n => Str(n, Header)));

    private static WorksheetPart AddSheet(WorkbookPart wb, string name, List<Row> rows, double[] widths, int frozenRows, ref uint sheetId)
    {
        var ws = wb.AddNewPart<WorksheetPart>();
        uint r = 1;
        foreach (var row in rows)
        {
            row.RowIndex = r;
            var col = 0;
            foreach (var cell in row.Elements<Cell>()) cell.CellReference = Warehouse.Store.CellNames.Column(col++) + r;
            r++;
        }
        var views = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = frozenRows, TopLeftCell = $"A{frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        // Landscape, fitted to the page width, so the LibreOffice/Excel print and PDF show whole rows.
        ws.Worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), views, columns, new SheetData(rows),
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0, PaperSize = 9 });
        wb.Workbook.Sheets!.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = sheetId++, Name = name });
        return ws;
    }

    /// <summary>A native Excel line chart of rows 3..(2+regions) against the year header in row 2, placed below the table.</summary>
    private static void AddLineChart(WorksheetPart ws, string sheet, string title, string unit, int regions, int years)
    {
        var drawing = ws.AddNewPart<DrawingsPart>();
        ws.Worksheet.Append(new Drawing { Id = ws.GetIdOfPart(drawing) });
        var chartPart = drawing.AddNewPart<ChartPart>();
        var lastCol = Warehouse.Store.CellNames.Column(years);
        var lineChart = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        string[] colours = ["1F77B4", "D95F02", "7570B3", "1B9E77", "555555"];
        for (var i = 0; i < regions; i++)
        {
            var row = 3 + i;
            var ser = new C.LineChartSeries(
                new C.Index { Val = (uint)i }, new C.Order { Val = (uint)i },
                new C.SeriesText(new C.StringReference(new C.Formula($"'{sheet}'!$A${row}"))),
                new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = colours[i % colours.Length] })) { Width = 28575 }),
                new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula($"'{sheet}'!$B$2:${lastCol}$2"))),
                new C.Values(new C.NumberReference(new C.Formula($"'{sheet}'!$B${row}:${lastCol}${row}"))),
                new C.Smooth { Val = false });
            lineChart.Append(ser);
        }
        lineChart.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1001 }, new C.AxisId { Val = 1002 });
        var plot = new C.PlotArea(new C.Layout(), lineChart,
            new C.CategoryAxis(new C.AxisId { Val = 1001 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
                new C.CrossingAxis { Val = 1002 }, new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(new C.AxisId { Val = 1002 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(),
                new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(unit))))), new C.Overlay { Val = false }),
                new C.NumberingFormat { FormatCode = "General", SourceLinked = true }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = 1001 }, new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        chartPart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "zh-CN" }, new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text($"{title}（观测与预测）"))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false }, plot,
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        chartPart.ChartSpace.Save();

        var top = 2 + regions + 3;
        drawing.WorksheetDrawing = new Xdr.WorksheetDrawing(new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(top.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId("10"), new Xdr.ColumnOffset("0"), new Xdr.RowId((top + 22).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = 2, Name = "Chart 1" }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawing.GetIdOfPart(chartPart) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" })) { Macro = "" },
            new Xdr.ClientData()));
        drawing.WorksheetDrawing.Save();
    }

    private static Stylesheet Stylesheet()
    {
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = "FF" + rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Noto Sans CJK SC" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Noto Sans CJK SC" }),
            new Font(new Italic(), new Color { Rgb = "FF2166AC" }, new FontSize { Val = 11 }, new FontName { Val = "Noto Sans CJK SC" }),
            new Font(new Bold(), new Color { Rgb = "FFFFFFFF" }, new FontSize { Val = 11 }, new FontName { Val = "Noto Sans CJK SC" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Noto Sans CJK SC" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("D9E2F3"), Solid("2166AC"), Solid("FDB863"), Solid("8C1D18"), Solid("D9D9D9"), Solid("EEF4FB"));
        var borders = new Borders(new Border());
        var numFmts = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" });
        static CellFormat F(uint font = 0, uint fill = 0, uint numFmt = 0, bool wrap = false)
        {
            var alignment = new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top };
            return new CellFormat(alignment) { FontId = font, FillId = fill, NumberFormatId = numFmt, ApplyFont = true, ApplyFill = fill > 0, ApplyNumberFormat = numFmt > 0, ApplyAlignment = true };
        }
        var xfs = new CellFormats(
            F(),                       // Plain
            F(1, 2),                   // Header
            F(numFmt: 1),              // Number (0)
            F(numFmt: 164),            // Decimal
            F(numFmt: 9),              // Percent
            F(numFmt: 165),            // Date
            F(2, 7, 164),              // Forecast
            F(wrap: true),             // Wrap
            F(3, 3),                   // StatusOn
            F(1, 4),                   // StatusRisk
            F(3, 5),                   // StatusOff
            F(0, 6),                   // StatusNone
            F(4));                     // Title
        return new Stylesheet(numFmts, fonts, fills, borders, new CellStyleFormats(new CellFormat()), xfs);
    }
}
