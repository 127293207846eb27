using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Warehouse.Store;
using Warehouse.Store.Engine;
using Xunit.Abstractions;

namespace Warehouse.Tests;

/// <summary>SQL Server cannot run on these machines: every script and statement the warehouse sends it is parsed here with the
/// SQL Server 2019 grammar (ScriptDom's TSql150Parser); the live tests below run only when WAREHOUSE_TEST_SQLSERVER is set.</summary>
public partial class SqlServerScriptTests
{
    private static readonly SqlServerDialect Dialect = new(new SqlConnectionStringBuilder { DataSource = "nowhere", InitialCatalog = "w" });

    /// <summary>Parse errors of a T-SQL text, one line each ("line:column message"); empty when it parses.</summary>
    internal static List<string> ParseErrors(string sql, out TSqlFragment tree)
    {
        var parser = new TSql150Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        tree = parser.Parse(reader, out var errors);
        return errors.Select(e => $"{e.Line}:{e.Column} {e.Message}").ToList();
    }

    /// <summary>Dapper expands <c>IN @list</c> into a parameter list before the server sees it; the parser gets that shape.</summary>
    private static string AsSent(string sql) => DapperList().Replace(sql, "IN (@$1)").Replace("{view}", "v_placeholder");

    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperList();

    [Fact]
    public void Every_sqlserver_migration_batch_parses_as_sql_server_2019()
    {
        var migrations = Migrator.Migrations("sqlserver");
        Assert.NotEmpty(migrations);
        var failures = new List<string>();
        foreach (var (version, name, sql) in migrations)
            foreach (var batch in Dialect.Batches(sql))
                failures.AddRange(ParseErrors(batch, out _).Select(e => $"{name}: {e}"));
        Assert.True(failures.Count == 0, "migrations that SQL Server 2019 would refuse:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_view_parses_as_sql_server_runs_it()
    {
        var failures = new List<string>();
        foreach (var (name, sql) in Migrator.Views("sqlserver"))
            foreach (var batch in Dialect.Batches(sql))
                failures.AddRange(ParseErrors(batch, out _).Select(e => $"{name}: {e}"));
        Assert.True(failures.Count == 0, "views that SQL Server 2019 would refuse (add views/<name>.sqlserver.sql):\n"
            + string.Join("\n", failures));
    }

    /// <summary>Statements other engineers add later in portable SQL show up here until they get a .sqlserver.sql override.</summary>
    [Fact]
    public void Every_statement_parses_as_sql_server_runs_it()
    {
        var names = Statements.Names();
        Assert.NotEmpty(names);
        var failures = new List<string>();
        foreach (var name in names)
        {
            string text;
            try
            {
                text = Statements.Get(name, "sqlserver");
            }
            catch (KeyNotFoundException)
            {
                continue; // another engine's own statement (no portable text): SQL Server never runs it
            }
            var errors = ParseErrors(AsSent(text), out _);
            if (errors.Count > 0) failures.Add($"{name}: {string.Join(" | ", errors)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} statements SQL Server 2019 would refuse (write <name>.sqlserver.sql):\n"
            + string.Join("\n", failures));
    }

    [Fact]
    public void The_parser_check_catches_sqlite_only_syntax()
    {
        // The statement test is only as good as the parser's refusals: these are what the overrides exist for.
        Assert.NotEmpty(ParseErrors("INSERT INTO t (a) VALUES (1) RETURNING id", out _));
        Assert.NotEmpty(ParseErrors("INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO NOTHING", out _));
        Assert.NotEmpty(ParseErrors("SELECT a FROM t LIMIT 5", out _));
        Assert.NotEmpty(ParseErrors("SELECT a FROM t JOIN u USING (a)", out _));
        Assert.Empty(ParseErrors(AsSent("UPDATE t SET a = 1 WHERE b IN @ids"), out _));
    }

    [Fact]
    public void Every_engine_has_the_same_migration_versions_and_names_as_sqlite()
    {
        var sqlite = Migrator.Migrations("sqlite").Select(m => m.Name).ToList();
        Assert.NotEmpty(sqlite);
        var engines = typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Select(n => n.Split('/')[1]).Distinct().Where(e => e != "sqlite").ToList();
        Assert.Contains("sqlserver", engines);
        foreach (var engine in engines)
        {
            var other = Migrator.Migrations(engine).Select(m => m.Name).ToList();
            Assert.True(sqlite.SequenceEqual(other), $"{engine} migrations differ from sqlite's:\n"
                + $"only sqlite: {string.Join(", ", sqlite.Except(other))}\nonly {engine}: {string.Join(", ", other.Except(sqlite))}");
        }
    }

    /// <summary>Tables and their columns as the SQL Server migrations leave them (ScriptDom's parse, not a text scan).</summary>
    private static Dictionary<string, List<ColumnDefinition>> SqlServerTables()
    {
        var tables = new Dictionary<string, List<ColumnDefinition>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, name, sql) in Migrator.Migrations("sqlserver"))
            foreach (var batch in Dialect.Batches(sql))
            {
                Assert.Empty(ParseErrors(batch, out var tree));
                foreach (var statement in ((TSqlScript)tree).Batches.SelectMany(b => b.Statements))
                {
                    if (statement is CreateTableStatement create)
                        tables[create.SchemaObjectName.BaseIdentifier.Value] = create.Definition.ColumnDefinitions.ToList();
                    else if (statement is AlterTableAddTableElementStatement add)
                        tables[add.SchemaObjectName.BaseIdentifier.Value].AddRange(add.Definition.ColumnDefinitions);
                    else if (statement is DropTableStatement drop)
                        foreach (var o in drop.Objects) tables.Remove(o.BaseIdentifier.Value);
                }
            }
        return tables;
    }

    /// <summary>Tables and columns of a real SQLite warehouse after every migration.</summary>
    private static Dictionary<string, List<string>> SqliteTables()
    {
        using var wh = new TempWarehouse(init: false);
        new Migrator(wh.Dialect).Migrate();
        using var c = wh.Dialect.OpenReadOnly();
        var names = c.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'").ToList();
        return names.ToDictionary(n => n, n => c.Query<string>($"SELECT name FROM pragma_table_info('{n}')").ToList(),
            StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sql_server_tables_have_the_same_columns_as_sqlite_after_every_migration()
    {
        var sqlite = SqliteTables();
        var server = SqlServerTables();
        // The migrator's own tables are created from warehouse/sql/migrator/, not from the migrations.
        sqlite.Remove("schema_version");
        sqlite.Remove("schema_view");
        Assert.Equal(sqlite.Keys.Select(k => k.ToLowerInvariant()).Order(), server.Keys.Select(k => k.ToLowerInvariant()).Order());
        foreach (var (table, columns) in sqlite)
        {
            var theirs = server[table].Select(c => c.ColumnIdentifier.Value).ToList();
            Assert.True(columns.SequenceEqual(theirs),
                $"{table}: sqlite ({string.Join(", ", columns)}) vs sqlserver ({string.Join(", ", theirs)})");
        }
    }

    [Fact]
    public void Sql_server_columns_use_the_agreed_types()
    {
        var wrong = new List<string>();
        foreach (var (table, columns) in SqlServerTables())
            foreach (var column in columns)
            {
                var type = (SqlDataTypeReference)column.DataType;
                var precision = type.Parameters.Select(p => p.Value).FirstOrDefault();
                var ok = type.SqlDataTypeOption switch
                {
                    SqlDataTypeOption.BigInt or SqlDataTypeOption.NVarChar => true,
                    SqlDataTypeOption.DateTimeOffset or SqlDataTypeOption.Date => true,
                    SqlDataTypeOption.Float => precision == "53", // float(24) / real would silently lose precision
                    _ => false,
                };
                if (!ok) wrong.Add($"{table}.{column.ColumnIdentifier.Value} {type.SqlDataTypeOption}({precision})");
                if (column.IdentityOptions != null && type.SqlDataTypeOption != SqlDataTypeOption.BigInt)
                    wrong.Add($"{table}.{column.ColumnIdentifier.Value}: identity keys are bigint");
            }
        Assert.True(wrong.Count == 0,
            "columns outside bigint / float(53) / nvarchar / datetimeoffset / date:\n" + string.Join("\n", wrong));
    }

    /// <summary>Whether T-SQL reserves a word: the SQL Server 2019 parser refuses it as a bare column name.</summary>
    internal static bool IsReservedInTsql(string word) => ParseErrors($"CREATE TABLE t ({word} int)", out _).Count > 0;

    [Fact]
    public void The_reserved_word_check_knows_trigger_and_file()
    {
        Assert.True(IsReservedInTsql("trigger"));
        Assert.True(IsReservedInTsql("file"));
        Assert.True(IsReservedInTsql("key"));
        Assert.False(IsReservedInTsql("triggered_by"));
        Assert.False(IsReservedInTsql("value"));
    }

    [Fact]
    public void No_column_of_any_engine_is_a_tsql_reserved_word()
    {
        var columns = new List<(string Engine, string Table, string Column)>();
        foreach (var (table, cols) in SqliteTables()) columns.AddRange(cols.Select(c => ("sqlite", table, c)));
        foreach (var (table, cols) in SqlServerTables()) columns.AddRange(cols.Select(c => ("sqlserver", table, c.ColumnIdentifier.Value)));
        var others = typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Select(n => n.Split('/')[1]).Distinct().Where(e => e is not ("sqlite" or "sqlserver"));
        foreach (var engine in others)
            columns.AddRange(DeclaredColumns(Migrator.Migrations(engine).Select(m => m.Sql)).Select(c => (engine, c.Table, c.Column)));
        Assert.NotEmpty(columns);
        var reserved = columns.Where(c => IsReservedInTsql(c.Column)).Select(c => $"{c.Engine}: {c.Table}.{c.Column}").ToList();
        Assert.True(reserved.Count == 0, "columns named with T-SQL reserved words:\n" + string.Join("\n", reserved));
    }

    /// <summary>Columns an engine's scripts leave (for engines whose dialect no parser here reads): CREATE TABLE bodies and ADD
    /// COLUMN, with RENAME COLUMN applied in script order.</summary>
    private static List<(string Table, string Column)> DeclaredColumns(IEnumerable<string> scripts)
    {
        var columns = new List<(string Table, string Column)>();
        foreach (var raw in scripts)
        {
            var sql = Regex.Replace(raw, "--[^\n]*", "");
            foreach (Match m in Regex.Matches(sql, @"CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?""?(\w+)""?\s*\((.*?)\)\s*;",
                         RegexOptions.IgnoreCase | RegexOptions.Singleline))
                foreach (var line in Regex.Split(m.Groups[2].Value, @",\s*\n"))
                {
                    var word = Regex.Match(line.Trim(), @"^""?(\w+)""?").Groups[1].Value;
                    var isConstraint = Regex.IsMatch(word, "^(CONSTRAINT|UNIQUE|PRIMARY|FOREIGN|CHECK|EXCLUDE)$", RegexOptions.IgnoreCase);
                    if (word.Length > 0 && !isConstraint)
                        columns.Add((m.Groups[1].Value, word));
                }
            const RegexOptions I = RegexOptions.IgnoreCase;
            foreach (Match m in Regex.Matches(sql, @"ALTER\s+TABLE\s+""?(\w+)""?\s+ADD\s+COLUMN\s+(?:IF\s+NOT\s+EXISTS\s+)?""?(\w+)""?", I))
                columns.Add((m.Groups[1].Value, m.Groups[2].Value));
            foreach (Match m in Regex.Matches(sql, @"ALTER\s+TABLE\s+""?(\w+)""?\s+RENAME\s+COLUMN\s+""?(\w+)""?\s+TO\s+""?(\w+)""?", I))
            {
                columns.RemoveAll(c => c.Table == m.Groups[1].Value && c.Column == m.Groups[2].Value);
                columns.Add((m.Groups[1].Value, m.Groups[3].Value));
            }
        }
        return columns;
    }

    [Fact]
    public void Sqlserver_address_maps_to_a_sqlclient_connection_string()
    {
        var d = Assert.IsType<SqlServerDialect>(DatabaseAddress.Parse(
            "sqlserver://wh%40corp:p%40ss%3Aw%2Frd@db.example.org:14330/warehouse%20prod?encrypt=strict&trust_server_certificate=true"));
        Assert.Equal("db.example.org,14330", d.Connection.DataSource);
        Assert.Equal("warehouse prod", d.Connection.InitialCatalog);
        Assert.Equal("wh@corp", d.Connection.UserID);
        Assert.Equal("p@ss:w/rd", d.Connection.Password);
        Assert.False(d.Connection.IntegratedSecurity);
        Assert.Equal(SqlConnectionEncryptOption.Strict, d.Connection.Encrypt);
        Assert.True(d.Connection.TrustServerCertificate);
        Assert.Null(d.Reader);
        Assert.DoesNotContain("p@ss", d.Location);
        Assert.DoesNotContain("p%40ss", d.Location);
        Assert.Equal("sqlserver://db.example.org,14330/warehouse prod", d.Location);
    }

    [Fact]
    public void Sqlserver_address_defaults_and_options()
    {
        var plain = Assert.IsType<SqlServerDialect>(DatabaseAddress.Parse("sqlserver://sa:secret@localhost/w?encrypt=false"));
        Assert.Equal("localhost", plain.Connection.DataSource); // no port: SqlClient's default 1433 / the browser service
        Assert.Equal(SqlConnectionEncryptOption.Optional, plain.Connection.Encrypt);
        Assert.DoesNotContain("secret", plain.Location);
        var integrated = Assert.IsType<SqlServerDialect>(DatabaseAddress.Parse("mssql://localhost:1433/w"));
        Assert.True(integrated.Connection.IntegratedSecurity);
        var reader = Assert.IsType<SqlServerDialect>(DatabaseAddress.Parse("sqlserver://sa:x@h/w?reader=analyst&reader_password=r%26d"));
        Assert.Equal("analyst", reader.Reader);
        Assert.Equal("r&d", reader.ReaderPassword);
        Assert.DoesNotContain("r&d", reader.Location);
        var raw = Assert.IsType<SqlServerDialect>(DatabaseAddress.Parse("Server=h;Database=w;User ID=u;Password=p", "mssql"));
        Assert.Equal("w", raw.Connection.InitialCatalog);
    }

    [Fact]
    public void Sqlserver_address_refuses_unknown_options_and_missing_database()
    {
        var unknown = Assert.Throws<ArgumentException>(() => DatabaseAddress.Parse("sqlserver://sa:x@h/w?encrpyt=true"));
        Assert.Contains("encrpyt", unknown.Message);
        Assert.Throws<ArgumentException>(() => DatabaseAddress.Parse("sqlserver://sa:x@h/w?encrypt=maybe"));
        var noDb = Assert.Throws<ArgumentException>(() => DatabaseAddress.Parse("sqlserver://sa:topsecret@h/"));
        Assert.DoesNotContain("topsecret", noDb.Message);
    }

    [Fact]
    public void Deadlocks_and_timeouts_are_transient_constraint_violations_are_not()
    {
        Assert.True(Dialect.IsTransient(MakeSqlException(1205)));
        Assert.True(Dialect.IsTransient(MakeSqlException(-2)));
        Assert.True(Dialect.IsTransient(MakeSqlException(40613)));
        Assert.False(Dialect.IsTransient(MakeSqlException(2627))); // unique key violation
        Assert.False(Dialect.IsTransient(MakeSqlException(547))); // foreign key / check violation
        Assert.False(Dialect.IsTransient(MakeSqlException(102))); // syntax error
        Assert.False(Dialect.IsTransient(new InvalidOperationException("deadlock")));
        Assert.True(SqlServerDialect.IsTransientNumbers([547, 1205]));
    }

    [Fact]
    public void Connection_errors_get_one_line_in_chinese_and_english_without_the_password()
    {
        var d = Assert.IsType<SqlServerDialect>(DatabaseAddress.Parse("sqlserver://wh:hunter2@db.example.org/w"));
        foreach (var (number, words, usage) in new[]
                 {
                     (18456, "登录失败 / login failed", true), (4060, "无法打开数据库 / cannot open the database", true),
                     (53, "找不到服务器 / cannot reach", true), (229, "权限不足 / permission denied", true),
                     (1205, "死锁", false),
                 })
        {
            var described = d.Describe(MakeSqlException(number, "server said no"));
            Assert.NotNull(described);
            Assert.Equal(usage, described.Value.Usage);
            Assert.Contains(words, described.Value.Message);
            Assert.DoesNotContain("hunter2", described.Value.Message);
            Assert.DoesNotContain("\n", described.Value.Message);
        }
        var twoLines = d.Describe(MakeSqlException(18456, "Login failed for user 'wh'.\nReason: password mismatch"));
        Assert.DoesNotContain("\n", twoLines!.Value.Message);
        Assert.Contains("Reason: password mismatch", twoLines.Value.Message);
        Assert.Null(d.Describe(MakeSqlException(2627)));
        Assert.Null(d.Describe(new IOException("disk")));
    }

    [Fact]
    public void The_bulk_copy_sends_exactly_the_staging_table_columns()
    {
        Assert.Empty(ParseErrors(Statements.Get("observations/stage_create", "sqlserver"), out var tree));
        var stage = ((TSqlScript)tree).Batches.SelectMany(b => b.Statements).OfType<CreateTableStatement>()
            .Single(t => t.SchemaObjectName.BaseIdentifier.Value == "#stage_observation");
        Assert.Equal(stage.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value), SqlServerStage.Columns.Select(c => c.Name));
        var merge = Statements.Get("observations/stage_merge", "sqlserver");
        Assert.Empty(ParseErrors(merge, out var mergeTree));
        Assert.IsType<MergeStatement>(Assert.Single(((TSqlScript)mergeTree).Batches.SelectMany(b => b.Statements)));
    }

    [Fact]
    public void Go_lines_split_batches_but_go_inside_a_word_does_not()
    {
        var script = "CREATE TABLE a (x bigint);\nGO\nCREATE VIEW v AS SELECT x AS going FROM a;\n  go  \n\nGO;\n";
        var batches = Dialect.Batches(script).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Contains("going", batches[1]);
    }

    [Theory]
    [InlineData("delete from dim_region", "DELETE")]
    [InlineData("select 1; select 2", "only one statement")]
    [InlineData("select 1\ngo\nselect 2", "only one statement")]
    [InlineData("select * into x from dim_region", "SELECT INTO")]
    [InlineData("update dim_region set region_name = N'x'", "UPDATE")]
    [InlineData("exec sp_who", "EXECUTE")]
    [InlineData("with a as (select 1 x) delete from dim_region", "DELETE")]
    [InlineData("select from where", "syntax error")]
    [InlineData("  -- nothing\n", "empty")]
    public void Ad_hoc_sql_refuses_all_but_one_select(string sql, string expected)
    {
        var ex = Assert.ThrowsAny<QueryRefusedException>(() => SqlServerAdHoc.Check(sql));
        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, ex.ExitCode);
    }

    [Theory]
    [InlineData("select region_code, region_name from dim_region")]
    [InlineData("with a as (select 1 as x) select x from a;")]
    [InlineData("select top 5 * from v_attainment order by probability_met desc -- the worst five")]
    [InlineData("select region_code from dim_region union all select indicator_code from dim_indicator")]
    public void Ad_hoc_sql_accepts_one_select(string sql) => SqlServerAdHoc.Check(sql);

    /// <summary>A SqlException as the driver raises it (its constructors are internal, so through reflection).</summary>
    internal static SqlException MakeSqlException(int number, string message = "test error")
    {
        const BindingFlags Any = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
        var ctor = typeof(SqlError).GetConstructors(Any).OrderByDescending(c => c.GetParameters().Length)
            .First(c => c.GetParameters().FirstOrDefault()?.ParameterType == typeof(int));
        var args = ctor.GetParameters().Select(p => p.Name switch
        {
            "infoNumber" => number,
            "errorMessage" => message,
            "errorClass" => (object)(byte)16,
            _ => p.ParameterType == typeof(string) ? "" : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null,
        }).ToArray();
        var error = (SqlError)ctor.Invoke(args);
        var errors = (SqlErrorCollection)typeof(SqlErrorCollection).GetConstructors(Any)
            .First(c => c.GetParameters().Length == 0).Invoke(null);
        typeof(SqlErrorCollection).GetMethod("Add", Any)!.Invoke(errors, [error]);
        var create = typeof(SqlException).GetMethods(Any).First(m => m.Name == "CreateException"
            && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(SqlErrorCollection), typeof(string)]));
        return (SqlException)create.Invoke(null, [errors, "16.0"])!;
    }
}
