using ScottPlot;
using SkiaSharp;
using Warehouse.Reports.Charts;

namespace Warehouse.Tests;

/// <summary>Where tick labels land in the chart face: leaders read values off the gridlines, on phones.</summary>
public class ChartTickLabelTests
{
    private const int Left = 120, Top = 30, Width = 400, Height = 400, Bottom = 60;

    /// <summary>Ink rows (first, last) of the dark pixels in a column range of a rendered plot with one tick per axis at 5 of 0–10.</summary>
    private static (int First, int Last) InkRows(int fromX, int toX, int fromY, int toY)
    {
        var plot = new Plot();
        plot.Layout.Fixed(new PixelPadding(Left, 30, Bottom, Top));
        foreach (var axis in plot.Axes.GetAxes()) ChartFont.StyleTickLabels(axis, Figure.MinText);
        plot.Axes.SetLimits(0, 10, 0, 10);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([new Tick(5, "5")]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([new Tick(5, "5")]);
        plot.Axes.Frame(false);
        plot.Grid.IsVisible = false;
        using var bitmap = SKBitmap.Decode(plot.GetImage(Width, Height).GetImageBytes(ImageFormat.Png));
        var rows = Enumerable.Range(fromY, toY - fromY).Where(y => Enumerable.Range(fromX, toX - fromX)
            .Any(x => bitmap.GetPixel(x, y) is var c && c.Alpha > 0 && c.Red + c.Green + c.Blue < 3 * 128)).ToList();
        Assert.NotEmpty(rows);
        return (rows.First(), rows.Last());
    }

    [Fact]
    public void A_y_axis_number_is_centred_on_its_gridline()
    {
        // The tick at 5 of 0–10 sits halfway down the data area; the label is left of the tick marks.
        var gridline = Top + (Height - Top - Bottom) / 2.0;
        var (first, last) = InkRows(0, Left - 12, 0, Height);
        Assert.InRange((first + last) / 2.0, gridline - 3, gridline + 3);
    }

    [Fact]
    public void An_x_axis_year_starts_below_its_tick_mark()
    {
        var axisLine = Height - Bottom;
        var centre = Left + (Width - 30 - Left) / 2;
        // Columns right of the tick mark (a thin line at the centre) and within the digit: where its top bar is.
        var (first, _) = InkRows(centre + 3, centre + 12, axisLine + 1, Height);
        // The tick mark is a few pixels long; the digit's ink must start below it, not run into it.
        Assert.True(first >= axisLine + 8, $"digit ink starts {first - axisLine} px below the axis");
    }
}
