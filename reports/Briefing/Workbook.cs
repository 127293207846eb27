using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReadModels = Warehouse.Store.ReadModels;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Warehouse.Reports.Briefing;

/// <summary>The Excel briefing: 总览 (scorecard), one sheet per core indicator with a native line chart, 目标, 数据来源, 说明.</summary>
public static class Workbook
{
    // Style indexes into the stylesheet below.
    private const uint Plain = 0, Header = 1, Number = 2, Decimal = 3, Percent = 4, Date = 5, Forecast = 6, Wrap = 7,
        StatusOn = 8, StatusRisk = 9, StatusOff = 10, StatusNone = 11, Title = 12, StatusMet = 13, StatusMissed = 14, Illustrative = 15,
        Whole = 16;

    /// <summary>Line height of 11 pt Noto Sans CJK in points (its ascent and descent are taller than Latin fonts').</summary>
    private const double LinePt = 16.5;

    /// <summary>Writes the workbook to <paramref name="path"/>; <paramref name="scorecardPngs"/> are placed on 总览 beside the table.</summary>
    public static void Write(BriefingData d, string path, DateOnly date, IReadOnlyList<string>? scorecardPngs = null)
    {
        var L = d.Lang;
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets());
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        uint sheetId = 1;
        var mark = d.UsesIllustrative ? L.T("　示例数据，非真实统计", " · ILLUSTRATIVE DATA, not statistics") : "";

        // 总览: assessed goals first, no-data rows last, each group in region order.
        var overview = new List<Row>
        {
            TitleRow(L.T($"{d.Regions.Count} 个地区知识产权目标达成总览（{d.AsOfText()}）", $"IP goals of {d.Regions.Count} regions ({d.AsOfText()})") + mark),
        };
        overview.Add(HeaderRow(L.T("地区", "Region"), L.T("指标", "Indicator"), L.T("单位", "Unit"), L.T("口径", "Measure"), L.T("目标年", "Year"),
            L.T("目标值", "Target"), L.T("已完成", "Achieved"), L.T("截至", "As of"), L.T("进度", "Progress"), L.T("目标年预测", "Forecast"),
            L.T("80%下限", "80% low"), L.T("80%上限", "80% high"), L.T("达成概率", "P(met)"), L.T("状态", "Status"), L.T("数据来源", "Source"),
            L.T("说明", "Note")));
        var regionRank = d.Regions.Select((r, i) => (r.RegionCode, i)).ToDictionary(x => x.RegionCode, x => x.i);
        foreach (var a in d.Attainment.Where(a => a.TargetKind == "goal")
                     .OrderBy(a => a.Status is "insufficient_data" or "not_assessed" ? 1 : 0)
                     .ThenBy(a => regionRank.GetValueOrDefault(a.RegionCode, int.MaxValue)).ThenBy(a => a.IndicatorCode, StringComparer.Ordinal))
        {
            var asOf = a.AchievedAsOf is { } y ? BriefingData.IsLevel(a.Measure) ? y.ToString(CultureInfo.InvariantCulture) : Format.Span(a.PeriodStart, y) : "";
            overview.Add(new Row(Str(d.RegionLabel(a.RegionCode)), Str(d.IndicatorName(a.IndicatorCode)), Str(L.Unit(a.Unit)), Str(L.Measure(a.Measure)),
                Num(a.TargetYear, Number), Num(a.Target, Decimal), Num(a.Achieved, Decimal), Str(asOf),
                a.Progress > 9.995 ? Str(">999%") : Num(a.Progress, Percent), Num(a.Forecast, Decimal), Num(a.Lo80, Decimal), Num(a.Hi80, Decimal),
                a.ProbabilityMet is > 0 and < 0.01 ? Str("<1%") : Num(a.ProbabilityMet is { } p ? Math.Floor(p * 100 + 1e-9) / 100 : null, Percent), Str(Palette.Label(a.Status, L.En), StatusStyle(a.Status)),
                Str(a.SourceKind is { } k ? L.Kind(k) : "", a.SourceKind == "illustrative" ? Illustrative : Plain), Str(a.Note ?? "", Wrap)));
        }
        var ov = AddSheet(wb, L.T("总览", "Overview"), overview, [10, 16, 6, 6, 6, 8, 8, 8, 6, 8, 7, 7, 7, 9, 7, 30],
            [26, 48, 18, 10, 8, 14, 14, 12, 10, 14, 12, 12, 12, 16, 14, 60], ref sheetId);
        // The first scorecard page sits beside the table; a many-region scorecard gets its own sheet with every page stacked,
        // so 总览 still prints one table wide.
        if (scorecardPngs is { Count: > 0 }) AddPictures(ov, scorecardPngs.Take(1).ToList(), column: 17);
        if (scorecardPngs is { Count: > 1 })
        {
            var rowsCard = new List<Row> { TitleRow(L.T($"记分卡（共 {scorecardPngs.Count} 页）", $"Scorecard ({scorecardPngs.Count} pages)") + mark),
                HeaderRow(L.T("图片与简报文件夹中的 01_scorecard*.png 相同", "Same pictures as 01_scorecard*.png in the briefing folder")) };
            AddPictures(AddSheet(wb, L.T("记分卡", "Scorecard"), rowsCard, [60], [60], ref sheetId), scorecardPngs, column: 0, stack: true);
        }

        // One sheet per indicator with goals or on the scorecard: regions × years, forecasts in italic blue, plus a native line chart.
        var sheetCodes = d.ScorecardIndicators.Concat(d.Attainment.Where(a => a.TargetKind == "goal").Select(a => a.IndicatorCode)).Distinct();
        foreach (var code in sheetCodes)
        {
            var obs = d.Observations.Where(o => o.IndicatorCode == code).ToList();
            var fc = d.Forecasts.Where(f => f.IndicatorCode == code).ToList();
            if (obs.Count == 0) continue;
            var unit = d.IndicatorOf(code).Unit;
            var years = obs.Select(o => o.Year).Concat(fc.Select(f => f.Year)).Distinct().Order().ToList();
            var withData = d.Regions.Where(r => obs.Any(o => o.RegionCode == r.RegionCode)).ToList();
            var rows = new List<Row>
            {
                TitleRow($"{d.IndicatorName(code)}（{L.Unit(unit)}）　" + L.T("黑色为观测值，蓝色斜体为预测值", "black: observed, blue italic: forecast") + mark),
            };
            rows.Add(HeaderRow(new[] { L.T("地区", "Region") }.Concat(years.Select(y => y.ToString(CultureInfo.InvariantCulture))).ToArray()));
            foreach (var r in withData)
            {
                var cells = new List<Cell> { Str(d.RegionLabel(r)) };
                var lastObserved = obs.Where(q => q.RegionCode == r.RegionCode).Max(q => q.Year);
                foreach (var y in years)
                {
                    var o = obs.FirstOrDefault(x => x.RegionCode == r.RegionCode && x.Year == y);
                    var f = fc.FirstOrDefault(x => x.RegionCode == r.RegionCode && x.Year == y && x.Year > lastObserved);
                    cells.Add(o != null ? Num(o.Value, Decimal) : f != null ? Num(f.Point, Forecast) : Str(""));
                }
                rows.Add(new Row(cells));
            }
            rows.Add(new Row(Str("")));
            // Not wrapped: the sentence runs on across the empty cells to its right instead of being cut at column A.
            rows.Add(new Row(Str(L.T("来源：观测值取自 v_observations（统计 > 公开 > 示例 的优先顺序），预测取自 v_forecasts。",
                "Source: figures from v_observations (statistics > published > illustrative), forecasts from v_forecasts."))));
            var name = SheetName(d.IndicatorName(code));
            var ws = AddSheet(wb, name, rows, new double[] { 12 }.Concat(years.Select(_ => 10.0)).ToArray(),
                new double[] { 30 }.Concat(years.Select(_ => 12.0)).ToArray(), ref sheetId);
            AddLineChart(ws, name, d.IndicatorName(code), L.T("（观测与预测）", " (observed and forecast)"), L.Unit(unit),
                Math.Min(withData.Count, MaxChartSeries), years.Count, withData.Count + 2);
        }

        // 目标: every target with its evidence sentence.
        var targets = new List<Row> { TitleRow(L.T("规划目标、阶段目标与基线（每个数字都附原文出处）", "Goals, milestones and baselines, each with the sentence it comes from")),
            HeaderRow(L.T("地区", "Region"), L.T("指标", "Indicator"), L.T("单位", "Unit"), L.T("类型", "Kind"), L.T("口径", "Measure"), L.T("起始年", "From"),
                L.T("结束年", "To"), L.T("目标年", "Year"), L.T("比较", "Cmp"), L.T("数值", "Value"), L.T("规划文件", "Plan document"),
                L.T("原文位置（字符）", "Offset (chars)"), L.T("原文", "Evidence")) };
        foreach (var t in d.Targets)
            targets.Add(new Row(Str(d.RegionLabel(t.RegionCode)), Str(d.IndicatorName(t.IndicatorCode)), Str(L.Unit(t.Unit)), Str(L.Kind(t.TargetKind)),
                Str(L.Measure(t.Measure)), Num(t.PeriodStart, Number), Num(t.PeriodEnd, Number), Num(t.TargetYear, Number), Str(t.Comparator),
                Num(t.Value, Decimal), Str(t.SourceDocument, Wrap), Num(t.EvidenceOffset, Number), Str(t.Evidence, Wrap)));
        AddSheet(wb, L.T("目标", "Targets"), targets, [10, 16, 6, 6, 6, 7, 7, 7, 5, 9, 20, 8, 30], [26, 48, 18, 10, 10, 8, 8, 8, 6, 14, 44, 14, 80], ref sheetId);

        // 数据来源
        var sources = new List<Row> { TitleRow(L.T("数据来源", "Sources")), HeaderRow(L.T("文件", "File"), L.T("类型", "Kind"), L.T("标题", "Title"),
            L.T("SHA-256 校验和", "SHA-256"), L.T("导入时间", "Loaded at")) };
        foreach (var s in d.Sources)
            sources.Add(new Row(Str(s.SourceName, Wrap), Str(L.Kind(s.Kind)), Str(s.Title ?? "", Wrap), Str(s.Checksum), DateCell(s.LoadedAt)));
        AddSheet(wb, L.T("数据来源", "Sources"), sources, [20, 8, 20, 66, 17], [60, 12, 50, 70, 18], ref sheetId);

        // 说明
        var notes = new[]
        {
            (L.T("生成日期", "Made on"), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (L.T("目标类型", "Target kinds"), L.T("目标 = 规划期末的目标；阶段目标 = 规划期内某年的目标；基线 = 规划所述已取得的成绩。",
                "goal = target for the plan's last year; milestone = target for a year within the plan; baseline = what the plan says was achieved.")),
            (L.T("口径", "Measures"), L.T("存量 = 期末水平；年度 = 当年发生量；累计 = 规划期内各年之和；新增 = 期末比规划前一年的增加量；比率 = 比例或人均。“已完成”按目标口径计算，“截至”为其所属年份。",
                "level = value at the year's end; annual = flow in the year; cumulative = sum over the plan's years; "
                + "increase = change since the year before the plan; "
                + "ratio = share or per head. \"Achieved\" is computed in the target's own sense; \"As of\" gives its years.")),
            (L.T("预测方法", "Forecast"), L.T("默认方法为“带漂移随机游走、Theta 法、阻尼趋势指数平滑”三者的平均。预测区间由该序列自身的滚动样本外误差校准（M3 年度数据上 95% 区间覆盖约 92%）。",
                "Mean of random walk with drift, Theta and damped-trend exponential smoothing; intervals calibrated on the series' own rolling "
                + "out-of-sample errors.")),
            (L.T("达成概率", "Probability"), L.T("按预测分布计算目标比较式成立的概率；累计目标把已观测年份与预测年份相加。概率向下取整显示，与状态颜色一致。",
                "Probability that the target's comparison holds under the forecast distribution; shown rounded down so it agrees with the status.")),
            (L.T("状态阈值", "Statuses"), L.T("达成概率 ≥75% 有望达成；40%–75% 存在风险；<40% 难以达成；目标年已有观测值时直接判定已达成/未达成；观测少于 4 年为数据不足。数据不足的行排在最后。",
                "P ≥ 75% on track; 40–75% at risk; < 40% off track; met / missed once the target year is observed; fewer than 4 years: no data (listed last).")),
            (L.T("示例数据", "Illustrative"), d.UsesIllustrative
                ? L.T("本简报包含示例数据（illustrative），由确定性生成器生成，仅经过真实的规划基线与公开数据点，不是统计数据。",
                    "This briefing contains illustrative data from a deterministic generator; it is not statistics.")
                : L.T("本简报不含示例数据。", "No illustrative data in this briefing.")),
        };
        var noteRows = new List<Row> { TitleRow(L.T("说明", "Notes")), HeaderRow(L.T("项目", "Item"), L.T("内容", "Text")) };
        noteRows.AddRange(notes.Select(n => new Row(Str(n.Item1, Header), Str(n.Item2, Wrap))));
        AddSheet(wb, L.T("说明", "Notes"), noteRows, [10, 100], [16, 100], ref sheetId);
        wb.Workbook.Save();
    }

    /// <summary>Native charts draw at most this many regions (a chart with a hundred lines is unreadable; the table has them all).</summary>
    public const int MaxChartSeries = 10;

    private static string SheetName(string name) => new string(name.Where(c => !"[]:*?/\\".Contains(c)).ToArray()) is var s && s.Length > 31 ? s[..31] : s;

    private static string MeasureZh(string m) => m switch { "stock" => "存量", "annual" => "年度", "cumulative" => "累计", "increment" => "新增", "ratio" => "比率", _ => m };

    private static string KindZh(string k) => k switch
    {
        "goal" => "目标", "milestone" => "阶段目标", "baseline" => "基线", "plan" => "规划文件", "statistics" => "统计数据", "published" => "公开数据", "illustrative" => "示例数据", _ => k,
    };

    private static uint StatusStyle(string s) => s switch
    {
        "met" => StatusMet, "on_track" => StatusOn, "at_risk" => StatusRisk, "off_track" => StatusOff, "missed" => StatusMissed, _ => StatusNone,
    };

    private static Cell Str(string text, uint style = Plain) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = style };

    // Whole numbers (counts) show as 27,634, not 27,634.00; fractional ones keep two decimals.
    private static Cell Num(double? v, uint style) => v is { } x && double.IsFinite(x)
        ? new Cell { CellValue = new CellValue(x), DataType = CellValues.Number,
            StyleIndex = style == Decimal && Math.Abs(x - Math.Round(x)) < 1e-9 ? Whole : style }
        : Str("");

    /// <summary>A load time as a date cell in Beijing time, the zone the briefing's readers work in.</summary>
    private static Cell DateCell(DateTimeOffset time) =>
        new() { CellValue = new CellValue(ReadModels.Beijing(time).DateTime.ToOADate()), StyleIndex = Date };

    private static Row TitleRow(string text) => new(Str(text, Title));

    private static Row HeaderRow(params string[] names) => new(names.Select(n => Str(n, Header)));

    /// <summary>Approximate width of text in Excel column units (the width of "0" in 11 pt): CJK glyphs are two units.</summary>
    private static double Units(string text) => text.Sum(c => c >= 0x2E80 || c is '★' or '●' or '▲' or '■' or '○' or '—' or '　' ? 2.05 : 1.1);

    // Numbers as the #,##0.00 format shows them, so a column of 135,000.00 is not drawn as ###.
    private static string CellText(Cell c) => c.InlineString?.InnerText
        ?? (double.TryParse(c.CellValue?.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v.ToString("#,##0.00", CultureInfo.InvariantCulture) : "");

    /// <summary>Adds a sheet: title row, header row (both frozen), then data. Column widths fit the content between
    /// <paramref name="minWidths"/> and <paramref name="maxWidths"/>; wrapped cells get rows tall enough for all their lines.</summary>
    private static WorksheetPart AddSheet(WorkbookPart wb, string name, List<Row> rows, double[] minWidths, double[] maxWidths, ref uint sheetId)
    {
        var ws = wb.AddNewPart<WorksheetPart>();
        var widths = minWidths.ToArray();
        foreach (var row in rows.Skip(1)) // the title runs on across empty cells and does not widen column A
        {
            var col = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                if (col < widths.Length && cell.StyleIndex?.Value != Wrap) widths[col] = Math.Max(widths[col], Math.Min(maxWidths[col], Units(CellText(cell)) + 2));
                col++;
            }
        }
        uint r = 1;
        foreach (var row in rows)
        {
            row.RowIndex = r;
            var col = 0;
            var lines = 1;
            foreach (var cell in row.Elements<Cell>())
            {
                cell.CellReference = Warehouse.Store.CellNames.Column(col) + r;
                if (r > 1 && col < widths.Length && cell.StyleIndex?.Value is Wrap or Header)
                    lines = Math.Max(lines, (int)Math.Ceiling(Units(CellText(cell)) / Math.Max(1, widths[col] - 1)));
                col++;
            }
            row.Height = r == 1 ? 28 : Math.Min(409, lines * LinePt + 4);
            row.CustomHeight = true;
            r++;
        }
        var views = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Round(w, 1), CustomWidth = true }));
        // Landscape, fitted to the page width, so the LibreOffice/Excel print and PDF show whole rows.
        ws.Worksheet = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), views, columns, new SheetData(rows),
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0, PaperSize = 9 });
        wb.Workbook.Sheets!.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = sheetId++, Name = name });
        return ws;
    }

    /// <summary>Places scorecard PNG pages 540 px wide (half the phone image): anchored at row 2 of <paramref name="column"/>, or,
    /// with <paramref name="stack"/>, one under another below the header rows.</summary>
    private static void AddPictures(WorksheetPart ws, IReadOnlyList<string> pngs, int column, bool stack = false)
    {
        long top = 80 * 9525; // below the title and header rows, for stacked pages
        var drawing = ws.AddNewPart<DrawingsPart>();
        ws.Worksheet.Append(new Drawing { Id = ws.GetIdOfPart(drawing) });
        drawing.WorksheetDrawing = new Xdr.WorksheetDrawing();
        for (var i = 0; i < pngs.Count; i++)
        {
            var image = drawing.AddImagePart(ImagePartType.Png);
            using (var stream = File.OpenRead(pngs[i])) image.FeedData(stream);
            int w, h;
            using (var codec = SkiaSharp.SKCodec.Create(pngs[i])) (w, h) = (codec.Info.Width, codec.Info.Height);
            const long EmuPerPx = 9525;
            long cx = 540 * EmuPerPx, cy = (long)(540.0 * h / w) * EmuPerPx;
            var id = (uint)(i + 2);
            var picture = new Xdr.Picture(
                    new Xdr.NonVisualPictureProperties(new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Scorecard {i + 1}" },
                        new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                    new Xdr.BlipFill(new A.Blip { Embed = drawing.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                    new Xdr.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
            if (stack)
            {
                drawing.WorksheetDrawing.Append(new Xdr.AbsoluteAnchor(new Xdr.Position { X = 0, Y = top }, new Xdr.Extent { Cx = cx, Cy = cy }, picture,
                    new Xdr.ClientData()));
                top += cy + 20 * EmuPerPx;
            }
            else
                drawing.WorksheetDrawing.Append(new Xdr.OneCellAnchor(
                    new Xdr.FromMarker(new Xdr.ColumnId(column.ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
                        new Xdr.RowId("1"), new Xdr.RowOffset("0")),
                    new Xdr.Extent { Cx = cx, Cy = cy }, picture, new Xdr.ClientData()));
        }
        drawing.WorksheetDrawing.Save();
    }

    /// <summary>A native Excel line chart of rows 3..(2+regions) against the year header in row 2, placed below the table.</summary>
    private static void AddLineChart(WorksheetPart ws, string sheet, string title, string suffix, string unit, int regions, int years, int tableRows)
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
                new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(title + suffix))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false }, plot,
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        chartPart.ChartSpace.Save();

        var top = tableRows + 3;
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
            new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FF2166AC" }, new FontName { Val = "Noto Sans CJK SC" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFFFFFFF" }, new FontName { Val = "Noto Sans CJK SC" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Noto Sans CJK SC" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new Color { Rgb = "FFB2182B" }, new FontName { Val = "Noto Sans CJK SC" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("D9E2F3"), Solid("2166AC"), Solid("FDB863"), Solid("8C1D18"), Solid("D9D9D9"), Solid("EEF4FB"), Solid("08306B"), Solid("4D4D4D"));
        var borders = new Borders(new Border());
        var numFmts = new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" });
        static CellFormat F(uint font = 0, uint fill = 0, uint numFmt = 0, bool wrap = false)
        {
            var alignment = new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Center };
            return new CellFormat(alignment) { FontId = font, FillId = fill, NumberFormatId = numFmt, ApplyFont = true, ApplyFill = fill > 0, ApplyNumberFormat = numFmt > 0, ApplyAlignment = true };
        }
        var xfs = new CellFormats(
            F(),                       // Plain
            F(1, 2, wrap: true),       // Header
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
            F(4),                      // Title
            F(3, 8),                   // StatusMet
            F(3, 9),                   // StatusMissed
            F(5),                      // Illustrative
            F(numFmt: 3));             // Whole (#,##0)
        return new Stylesheet(numFmts, fonts, fills, borders, new CellStyleFormats(new CellFormat()), xfs);
    }
}
