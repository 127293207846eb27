namespace Warehouse.Store;

/// <summary>Spreadsheet column letters, shared by the statistics reader (error locations) and the workbook writer.</summary>
public static class CellNames
{
    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
