namespace Warehouse.Reports.Delivery;

/// <summary>Copies a briefing folder into the shared folder: under a temporary name first, then renamed, so readers of the
/// share never see half a briefing.</summary>
public static class FolderChannel
{
    /// <summary>Copies <paramref name="folder"/> to <paramref name="share"/>/its name; returns the bytes copied.</summary>
    public static long Copy(string folder, string share)
    {
        try
        {
            Directory.CreateDirectory(share);
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
            var target = Path.Combine(share, name);
            var part = Path.Combine(share, "." + name + ".part");
            if (Directory.Exists(part)) Directory.Delete(part, recursive: true);
            Directory.CreateDirectory(part);
            long bytes = 0;
            foreach (var file in Directory.GetFiles(folder))
            {
                File.Copy(file, Path.Combine(part, Path.GetFileName(file)), overwrite: true);
                bytes += new FileInfo(file).Length;
            }
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true); // a re-send replaces its own earlier copy
            Directory.Move(part, target);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No permission, or a path that cannot exist, will not mend itself; a busy or full share may.
            var kind = e is UnauthorizedAccessException or DirectoryNotFoundException or FileNotFoundException or PathTooLongException
                ? FailureKind.Permanent : FailureKind.Transient;
            throw new DeliveryFailure(kind, $"无法写入共享目录 / cannot write to the shared folder {share}: {e.Message}");
        }
    }
}
