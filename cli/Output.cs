using Spectre.Console;
using Warehouse.Store;

namespace Warehouse.Cli;

/// <summary>Prints query results as a table, CSV or JSON.</summary>
public static class Output
{
    /// <summary>Formats the CLI accepts.</summary>
    public static readonly string[] Formats = ["table", "csv", "json"];

    /// <summary>Writes the result to standard output in the given format.</summary>
    public static void Write(QueryResult result, string format)
    {
        switch (format)
        {
            case "csv":
                ResultFormats.WriteCsv(result, Console.Out);
                break;
            case "json":
                ResultFormats.WriteJson(result, Console.Out);
                break;
            default:
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var c in result.Columns) table.AddColumn(Markup.Escape(c));
                foreach (var row in result.Rows) table.AddRow(row.Select(v => Markup.Escape(ResultFormats.Format(v))).ToArray());
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"[grey]{result.Rows.Count} 行 / rows{(result.Truncated ? "（已截断 / truncated）" : "")}[/]");
                break;
        }
        if (result.Truncated && format != "table")
            Console.Error.WriteLine($"warning: output truncated at {result.Rows.Count} rows");
    }
}
