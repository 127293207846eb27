using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Causes found on held-out set 18's odd documents (issue #15, round 21, session 15), with sentences written for these
/// tests.</summary>
public class PlanReportsHeldOut18Tests
{
    private const string Head = "福建省人民政府办公厅\n福建省专利转化运用专项行动方案（2026—2028年）\n二、主要目标\n";

    [Fact]
    public void A_table_aligned_with_spaces_is_read_by_its_header()
    {
        var rows = Rows(Extract(Head + "主要指标\n指标名称                  单位    2025年（基期值）    2028年    属性\n" +
            "专利转让许可次数          次      5120                8000      预期性\n" +
            "有效发明专利产业化率      %       38.5                45        预期性\n"));
        Assert.Contains(("patent_transfers_licences", "baseline", 2025, 5120.0), rows);
        Assert.Contains(("patent_transfers_licences", "goal", 2028, 8000.0), rows);
        Assert.Contains(("patent_industrialisation_rate", "baseline", 2025, 38.5), rows);
        Assert.Contains(("patent_industrialisation_rate", "goal", 2028, 45.0), rows);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public void Prose_whose_annotations_left_runs_of_spaces_is_still_prose()
    {
        // A web copy's pinyin annotations are blanked to spaces; the sentence must not be cut into cells at them.
        var rows = Rows(Extract(Head + "2025年,全省专利授(shòu)权(quán)量达到9.2万件,每万人口高价(jià)值(zhí)发明专利拥有量达到8.1件。\n"));
        Assert.Contains(("patent_grants", "baseline", 2025, 92000.0), rows);
        Assert.Contains(("hv_invention_patents_per_10k", "baseline", 2025, 8.1), rows);
    }
}
