using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Warehouse.Reports.Charts;

/// <summary>Rasterises SVG to PNG with the machine's librsvg and cairo (no managed imaging library is available here).</summary>
public static partial class Raster
{
    /// <summary>The font family every chart uses for Chinese text.</summary>
    public const string CjkFamily = "Noto Sans CJK SC";

    /// <summary>Throws with install instructions unless fontconfig knows a Noto Sans CJK font; charts never draw empty boxes.</summary>
    /// <param name="environment">Extra environment for fontconfig (tests point FONTCONFIG_FILE at an empty configuration).</param>
    public static void RequireCjkFont(IReadOnlyDictionary<string, string>? environment = null)
    {
        // Fonts do not vanish mid-run: once the machine's own configuration passed, later charts skip the fc-list process.
        if (environment == null && _cjkFontFound) return;
        string families;
        try
        {
            var psi = new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
            using var p = Process.Start(psi)!;
            families = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("找不到 fontconfig（fc-list）/ fontconfig is missing: sudo apt-get install fontconfig fonts-noto-cjk", ex);
        }
        if (!families.Contains("Noto Sans CJK", StringComparison.Ordinal))
            throw new InvalidOperationException("未安装中文字体 Noto Sans CJK，图表中的中文会显示为方框 / no CJK font (Noto Sans CJK) installed, Chinese text would render as boxes. "
                + "Install it: sudo apt-get install fonts-noto-cjk (bin/setup does this)");
        if (environment == null) _cjkFontFound = true;
    }

    private static volatile bool _cjkFontFound;

    /// <summary>Renders <paramref name="svg"/> at its own size (times <paramref name="scale"/>) and writes a PNG.</summary>
    public static void WritePng(string svg, int width, int height, string path, double scale = 1)
    {
        RequireCjkFont();
        var bytes = Encoding.UTF8.GetBytes(svg);
        var handle = rsvg_handle_new_from_data(bytes, (nuint)bytes.Length, out var error);
        if (handle == 0) throw new InvalidOperationException("librsvg could not parse the SVG" + ErrorText(error));
        var surface = cairo_image_surface_create(0, (int)(width * scale), (int)(height * scale));
        var cr = cairo_create(surface);
        try
        {
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_paint(cr);
            cairo_scale(cr, scale, scale);
            var viewport = new RsvgRectangle { X = 0, Y = 0, Width = width, Height = height };
            if (!rsvg_handle_render_document(handle, cr, ref viewport, out error))
                throw new InvalidOperationException("librsvg could not render the SVG" + ErrorText(error));
            cairo_surface_flush(surface);
            var status = cairo_surface_write_to_png(surface, path);
            if (status != 0) throw new IOException($"cairo could not write {path} (status {status})");
        }
        finally
        {
            cairo_destroy(cr);
            cairo_surface_destroy(surface);
            g_object_unref(handle);
        }
    }

    /// <summary>Decodes a PNG with cairo: its size and the share of pixels that are not white (a blank chart has none).</summary>
    public static unsafe (int Width, int Height, double Inked) Inspect(string path)
    {
        var surface = cairo_image_surface_create_from_png(path);
        try
        {
            if (cairo_surface_status(surface) != 0) throw new InvalidDataException($"{path}: not a PNG cairo can read");
            int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface), stride = cairo_image_surface_get_stride(surface);
            var data = (byte*)cairo_image_surface_get_data(surface);
            long inked = 0;
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                {
                    var px = *(uint*)(data + y * stride + x * 4);
                    if ((px & 0x00FFFFFF) != 0x00FFFFFF) inked++;
                }
            return (w, h, (double)inked / ((long)w * h));
        }
        finally
        {
            cairo_surface_destroy(surface);
        }
    }

    private static string ErrorText(nint error) => error == 0 ? "" : ": " + Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error, 8));

    [StructLayout(LayoutKind.Sequential)]
    private struct RsvgRectangle { public double X, Y, Width, Height; }

    [LibraryImport("librsvg-2.so.2")]
    private static partial nint rsvg_handle_new_from_data(byte[] data, nuint length, out nint error);

    [LibraryImport("librsvg-2.so.2")]
    [return: MarshalAs(UnmanagedType.I4)]
    private static partial bool rsvg_handle_render_document(nint handle, nint cr, ref RsvgRectangle viewport, out nint error);

    [LibraryImport("libgobject-2.0.so.0")]
    private static partial void g_object_unref(nint obj);

    [LibraryImport("libcairo.so.2")]
    private static partial nint cairo_image_surface_create(int format, int width, int height);

    [LibraryImport("libcairo.so.2")]
    private static partial nint cairo_create(nint surface);

    [LibraryImport("libcairo.so.2")]
    private static partial void cairo_set_source_rgb(nint cr, double r, double g, double b);

    [LibraryImport("libcairo.so.2")]
    private static partial void cairo_paint(nint cr);

    [LibraryImport("libcairo.so.2")]
    private static partial void cairo_scale(nint cr, double sx, double sy);

    [LibraryImport("libcairo.so.2")]
    private static partial void cairo_surface_flush(nint surface);

    [LibraryImport("libcairo.so.2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int cairo_surface_write_to_png(nint surface, string filename);

    [LibraryImport("libcairo.so.2")]
    private static partial void cairo_destroy(nint cr);

    [LibraryImport("libcairo.so.2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint cairo_image_surface_create_from_png(string filename);

    [LibraryImport("libcairo.so.2")]
    private static partial int cairo_surface_status(nint surface);

    [LibraryImport("libcairo.so.2")]
    private static partial int cairo_image_surface_get_width(nint surface);

    [LibraryImport("libcairo.so.2")]
    private static partial int cairo_image_surface_get_height(nint surface);

    [LibraryImport("libcairo.so.2")]
    private static partial int cairo_image_surface_get_stride(nint surface);

    [LibraryImport("libcairo.so.2")]
    private static partial nint cairo_image_surface_get_data(nint surface);

    [LibraryImport("libcairo.so.2")]
    private static partial void cairo_surface_destroy(nint surface);
}
