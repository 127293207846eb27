using Microsoft.SqlServer.TransactSql.ScriptDom;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Tests;

/// <summary>The statements reports/ and cli/ ask for, as SQL Server would run them, parse as SQL Server 2019 (no server here).</summary>
public class ReportSqlOnSqlServerTests
{
    private static readonly string[] Areas = ["forecasts/", "attainment/", "read/", "bench/"];

    public static TheoryData<string> Names() => new(Statements.Names().Where(n => Areas.Any(a => n.StartsWith(a, StringComparison.Ordinal))));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_statement_parses_as_TSql(string name) => Assert.Equal([], Errors(Statements.Get(name, "sqlserver")));

    [Fact]
    public void The_series_view_parses_as_TSql()
    {
        var (_, sql) = Migrator.Views("sqlserver").Single(v => v.Name == "v_series");
        Assert.Equal([], Errors(sql));
    }

    [Fact]
    public void The_parser_refuses_what_only_SQLite_and_PostgreSQL_accept()
    {
        // Why the overrides exist: the portable text uses LIMIT, RETURNING and ||.
        Assert.NotEmpty(Errors(Statements.Get("read/batches", "sqlite")));
        Assert.NotEmpty(Errors(Statements.Get("bench/add_region", "sqlite")));
    }

    private static List<string> Errors(string sql)
    {
        new TSql150Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }
}
