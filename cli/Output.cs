using Spectre.Console;
using Warehouse.Store;

namespace Warehouse.Cli;

/// <summary>Prints query results as a table, CSV or JSON.</summary>
public static class Output
{
    /// <summary>Formats the CLI accepts.</summary>
    public static readonly string[] Formats = ["table", "csv", "json"];

    /// <summary>Most rows the table format draws: a terminal table of more is unreadable and slow to lay out; CSV and JSON go further.</summary>
    public const int TableRows = 1_000;

    /// <summary>Widest cell the table format draws, in characters.</summary>
    private const int TableCellChars = 200;

    /// <summary>Writes the result to standard output in the given format; stops when <paramref name="cancel"/> fires.</summary>
    public static void Write(QueryResult result, string format, CancellationToken cancel = default)
    {
        switch (format)
        {
            case "csv":
                ResultFormats.WriteCsv(result, Console.Out, cancel);
                break;
            case "json":
                ResultFormats.WriteJson(result, Console.Out, cancel);
                break;
            default:
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var c in result.Columns) table.AddColumn(Markup.Escape(c));
                foreach (var row in result.Rows)
                {
                    cancel.ThrowIfCancellationRequested();
                    table.AddRow(row.Select(v => Markup.Escape(Cut(ResultFormats.Format(v)))).ToArray());
                }
                cancel.ThrowIfCancellationRequested();
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"[grey]{result.Rows.Count} 行 / rows{(result.Truncated ? "（已截断 / truncated）" : "")}[/]");
                break;
        }
        Console.Out.Flush();
        if (result.Truncated)
            Console.Error.WriteLine($"note: {result.Note}" + (format == "table" && result.Rows.Count >= TableRows ? "; --format csv prints more" : ""));
    }

    private static string Cut(string s) => s.Length <= TableCellChars ? s : s[..TableCellChars] + "…";
}
