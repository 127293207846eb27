using System.Text.RegularExpressions;
using Warehouse.Store;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>A province, prefecture or county of China with its GB/T 2260 code (<c>seeds/reference/china_divisions.tsv</c>).</summary>
public sealed record Division(string Code, string Name, string Level, string? ParentCode);

/// <summary>Finds the region a plan's issuing body or title names, among every division of China and the curated regions
/// of <c>seeds/regions.csv</c> (whose aliases, such as 常州高新区, win over a division of the same name elsewhere).</summary>
public sealed partial class Divisions
{
    private static readonly Lazy<IReadOnlyList<Division>> All = new(() =>
        ReferenceFiles.Rows("china_divisions.tsv", header: true)
            .Select(f => new Division(f[0], f[1], f[2], f.Length > 3 && f[3].Length > 0 ? f[3] : null)).ToList());

    /// <summary>A name people write for a region: the full name, a short one (杭州 for 杭州市) or a curated alias.</summary>
    /// <param name="ChainOnly">Counties' short names (余杭) and two-character names (城区, 郊区) count only right after their parent.</param>
    private sealed record Name(string Text, Division Division, bool Curated, bool ChainOnly);

    private readonly Dictionary<string, Division> _byCode;
    private readonly Dictionary<char, List<Name>> _byFirst = [];
    private readonly HashSet<string> _curated;
    private readonly HashSet<string> _seeded;

    /// <summary>Every division, plus the curated regions of <paramref name="catalog"/> and their aliases.</summary>
    public Divisions(Catalog catalog)
    {
        _byCode = All.Value.ToDictionary(d => d.Code);
        var names = new List<Name>();
        foreach (var d in All.Value)
        {
            var county = d.Level == "county";
            names.Add(new Name(d.Name, d, false, county && d.Name.Length <= 2));
            var shortName = ShortName(d);
            if (shortName.Length >= 2 && shortName != d.Name) names.Add(new Name(shortName, d, false, county));
        }
        foreach (var r in catalog.Regions)
        {
            var d = _byCode.GetValueOrDefault(r.RegionCode) ?? new Division(r.RegionCode, r.RegionName, r.Level, r.ParentCode);
            _byCode[r.RegionCode] = d;
            foreach (var alias in r.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(r.RegionName))
                if (alias.Length >= 2 && !alias.All(char.IsAsciiLetterOrDigit)) names.Add(new Name(Text.Key(alias), d, true, false));
        }
        _curated = catalog.Regions.Select(r => r.RegionCode).ToHashSet();
        // A region the seeds curate carries its aliases; one the loader added from the division list (for an earlier plan) has none,
        // and must not make a zone of it loadable: what a document loads would hang on what was loaded before it.
        _seeded = catalog.Regions.Where(r => r.Aliases.Length > 0).Select(r => r.RegionCode).ToHashSet();
        foreach (var g in names.GroupBy(n => n.Text[0]))
            _byFirst[g.Key] = g.OrderByDescending(n => n.Text.Length).ThenByDescending(n => n.Curated).ToList();
    }

    /// <summary>The division with this code, or null.</summary>
    public Division? ByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The division's ancestors, nearest first.</summary>
    public IEnumerable<Division> Ancestors(Division d)
    {
        for (var p = d.ParentCode; p != null && _byCode.TryGetValue(p, out var parent); p = parent.ParentCode)
            yield return parent;
    }

    /// <summary>The division inside <paramref name="parent"/> that a table cell names (大冶市, 西塞山区, 开发区·铁山区 → 铁山区), by its
    /// full or short name; the longest name wins. Null when the cell names none of them.</summary>
    public Division? Within(Division parent, string cell)
    {
        if (!_inside.TryGetValue(parent.Code, out var inside))
            _inside[parent.Code] = inside = _byCode.Values.Where(d => d != parent && Ancestors(d).Contains(parent))
                .SelectMany(d => new[] { (Name: d.Name, Division: d), (Name: ShortName(d), Division: d) })
                .Where(n => n.Name.Length >= 2).OrderByDescending(n => n.Name.Length).ToList();
        return inside.FirstOrDefault(n => cell.Contains(n.Name, StringComparison.Ordinal)).Division;
    }

    private readonly Dictionary<string, List<(string Name, Division Division)>> _inside = [];

    /// <summary>Full names (three characters or more: 鸠江区, 大冶市) of divisions inside <paramref name="parent"/> in reading order, with
    /// where they stand in <paramref name="text"/>. Short names and two-character names (城区, 郊区) are too often plain words.</summary>
    public List<(int At, Division Division)> InsideMentions(Division parent, string text)
    {
        Within(parent, ""); // fills the list of names inside the parent
        var names = _inside[parent.Code].Where(n => n.Name == n.Division.Name && n.Name.Length >= 3).ToList();
        var found = new List<(int, Division)>();
        for (var i = 0; i < text.Length; i++)
        {
            var hit = names.FirstOrDefault(n => string.CompareOrdinal(text, i, n.Name, 0, n.Name.Length) == 0);
            if (hit.Name == null) continue;
            found.Add((i, hit.Division));
            i += hit.Name.Length - 1;
        }
        return found;
    }

    /// <summary>The region the text names first, descending through a chain such as 浙江省杭州市余杭区 to its last link.</summary>
    public Division? Find(string text)
    {
        var mentions = Mentions(text);
        if (mentions.Count == 0) return null;
        var everything = mentions.SelectMany(m => m.Candidates).ToHashSet();
        var chosen = Choose(mentions[0].Candidates, null, everything);
        var end = mentions[0].End;
        foreach (var next in mentions.Skip(1))
        {
            // The next link continues the chain only if it follows at once and lies inside the region chosen so far.
            // 酒泉:玉门市… — a news dateline names the prefecture, then a colon, then the county the page is about.
            if (next.Start > end && !(next.Start == end + 1 && text[end] is ':' or '：')) break;
            var inside = next.Candidates.Where(c => Ancestors(c).Contains(chosen)).ToList();
            if (inside.Count == 0) break;
            chosen = Choose(inside, chosen, everything);
            end = next.End;
        }
        // 泉州晚报 … 晋江市人民政府: a government inside the region named first is the issuing body (a newspaper is not).
        var government = mentions.Where(m => m.Start >= end && text.AsSpan(m.End).StartsWith("人民政府"))
            .Select(m => m.Candidates.Where(c => Ancestors(c).Contains(chosen)).ToList()).FirstOrDefault(c => c.Count > 0);
        return government != null ? Choose(government, chosen, everything) : chosen;
    }

    /// <summary>The development zone the text names first (南宁高新区, 西安经开区), or null: a division's name followed at once by a
    /// zone word names a zone it hosts, whose figures are not the division's. Curated regions and their aliases (常州国家高新区)
    /// are never zones here.</summary>
    public string? ZoneNamed(string text)
    {
        var mentions = Mentions(text);
        if (mentions.Count == 0) return null;
        var (start, end) = (mentions[0].Start, mentions[0].End);
        foreach (var m in mentions)
        {
            if (m.Start > end) break;
            if (m.Candidates.Any(c => _seeded.Contains(c.Code))) return null;
            end = m.End;
        }
        return Zone().Match(text, end) is { Success: true } zone ? text[start..(end + zone.Length)] : null;
    }

    [GeneratedRegex(@"\G(?:国家级?)?(?:高新技术产业开发区|高新技术产业园区|经济技术开发区|经济开发区|高新区|经开区|开发区|工业园区|保税区|新区|科技城)")]
    private static partial Regex Zone();

    private Division Choose(List<Division> candidates, Division? parent, HashSet<Division> mentioned) =>
        candidates.OrderByDescending(c => parent != null && c.ParentCode == parent.Code)
            .ThenByDescending(c => _curated.Contains(c.Code))
            .ThenByDescending(c => Ancestors(c).Any(mentioned.Contains))
            .ThenBy(c => c.Level switch { "province" => 0, "city" => 1, _ => 2 })
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .First();

    private sealed record Found(int Start, int End, List<Division> Candidates);

    /// <summary>Region names in reading order, the longest at each position (several regions when the name is shared: 鼓楼区).</summary>
    private List<Found> Mentions(string text)
    {
        var found = new List<Found>();
        Found? previous = null;
        for (var i = 0; i < text.Length;)
        {
            List<Division>? match = null;
            var length = 0;
            if (_byFirst.TryGetValue(text[i], out var names))
            {
                foreach (var n in names)
                {
                    if (length > 0 && n.Text.Length < length) break;
                    if (i + n.Text.Length > text.Length || string.CompareOrdinal(text, i, n.Text, 0, n.Text.Length) != 0) continue;
                    // A county's short name only right after its parent (杭州余杭), never standing alone (和平, 东方), except as the
                    // masthead of its own paper (兰溪日报, 昆山发布): local papers and official accounts go by the short name.
                    // A one-character county (曹县, 沛县) names itself before its own bodies and plans (曹县人民政府, 曹县知识产权…).
                    if (n.ChainOnly && !(previous is { } p && p.End == i && Ancestors(n.Division).Any(p.Candidates.Contains))
                        && !Masthead().IsMatch(text.AsSpan(i + n.Text.Length))
                        && !(n.Text.Length == 2 && n.Text[1] == '县' && OwnBody().IsMatch(text.AsSpan(i + n.Text.Length)))) continue;
                    if (length == 0) { length = n.Text.Length; match = []; }
                    if (!match!.Contains(n.Division)) match.Add(n.Division);
                }
            }
            if (match == null) { i++; continue; }
            previous = new Found(i, i + length, match);
            found.Add(previous);
            i += length;
        }
        return found;
    }

    /// <summary>杭州市 → 杭州, 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 余杭区 → 余杭.</summary>
    internal static string ShortName(Division d)
    {
        var name = Suffix().Replace(d.Name, "");
        name = Ethnic().Replace(name, "");
        return name.Length >= 2 ? name : d.Name;
    }

    [GeneratedRegex("^(?:日报|晚报|新闻网|融媒体中心|发布[（(]|发布$|发布\\n)")]
    private static partial Regex Masthead();

    [GeneratedRegex("^(?:人民政府|政府|委员会|县委|市场监督管理局|市场监管局|知识产权局|科学技术局|科技局|知识产权|“十五五”|“十四五”|十五五|十四五)")]
    private static partial Regex OwnBody();

    [GeneratedRegex("(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|区|县|盟|旗)$")]
    private static partial Regex Suffix();

    // Ethnic group names before 自治…: 壮族, 回族, 朝鲜族, 土家族苗族, 蒙古族藏族.
    [GeneratedRegex("(?:(?:维吾尔|蒙古|朝鲜|土家|哈萨克|柯尔克孜|塔吉克|锡伯|达斡尔|鄂温克|鄂伦春|布依|哈尼|傈僳|纳西|景颇|拉祜|仡佬|毛南|撒拉|保安|裕固|东乡|仫佬|[\u4e00-\u9fff])族)+$")]
    private static partial Regex Ethnic();
}
