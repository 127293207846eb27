using System.Text;
using Warehouse.Etl.Sources.PlanDocuments;

namespace Warehouse.Tests;

/// <summary>Plan files that are not what their name says get a reason a statistician can act on (found by the newcomer trial of
/// session 14), and a plan saved by Notepad as "Unicode" (UTF-16 with its byte-order mark) loads.</summary>
public class PlanFileInputTests
{
    [Theory]
    [InlineData("empty.txt", new byte[0], "文件为空 / the file is empty")]
    [InlineData("renamed.txt", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A }, "not a text file: a PDF or Word file renamed .txt")]
    [InlineData("zeros.txt", new byte[] { 0x41, 0x00, 0x42, 0x00, 0x0A }, "not a text file (it holds binary data)")]
    [InlineData("broken.docx", new byte[] { 0x6E, 0x6F, 0x74, 0x20, 0x61, 0x20, 0x7A, 0x69, 0x70 }, "not a valid Word (.docx) file")]
    public void A_file_that_is_not_a_plan_of_its_type_is_refused_with_a_reason(string name, byte[] bytes, string reason)
    {
        using var wh = new TempWarehouse();
        File.WriteAllBytes(wh.PathOf(name), bytes);
        var result = new PlanLoader(wh.Dialect).Load(wh.PathOf(name));
        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error);
        Assert.StartsWith(name, result.Error);
    }

    [Fact]
    public void A_plan_saved_as_utf16_with_its_byte_order_mark_loads()
    {
        using var wh = new TempWarehouse();
        var text = "宜兴市知识产权局\n宜兴市知识产权强市建设行动方案（2026—2028年）\n二、主要目标\n到2028年，有效注册商标量达到3万件。\n";
        File.WriteAllBytes(wh.PathOf("unicode.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var result = new PlanLoader(wh.Dialect).Load(wh.PathOf("unicode.txt"));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Loaded);
    }
}
