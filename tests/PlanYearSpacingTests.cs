using static Warehouse.Tests.PlanText;

namespace Warehouse.Tests;

/// <summary>Dates in news pages: web copies put spaces inside them (2015 年), and a page can name a year still to come.</summary>
public class PlanYearSpacingTests
{
    private const string Page = "(株洲市专利工作新闻)\n株洲日报, 2013\n今年我市继续推进专利倍增计划。全市每万人发明专利拥有量由2010年的0.5件提高到"
        + "2012年的0.9件 。{0},我市发明专利申请量达到9000件 。\n";

    [Fact]
    public void A_year_written_with_a_space_before_nian_is_the_same_year()
    {
        Assert.Equal(Rows(Extract(string.Format(Page, "2015年"))), Rows(Extract(string.Format(Page, "2015 年"))));
        Assert.Equal(Rows(Extract(string.Format(Page, "2015年"))), Rows(Extract(string.Format(Page, "2015\u3000年"))));
    }

    [Fact]
    public void A_news_page_sentence_opening_with_a_year_after_its_own_states_a_target_for_it()
    {
        var rows = Rows(Extract(string.Format(Page, "2015年")));
        Assert.Contains(("invention_applications", "goal", 2015, 9000.0), rows);
        Assert.Contains(("invention_patents_per_10k", "baseline", 2012, 0.9), rows);
        // A year before the page's own still reports a result.
        Assert.Contains(("invention_applications", "baseline", 2012, 9000.0), Rows(Extract(string.Format(Page, "2012年"))));
    }
}
