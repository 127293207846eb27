using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Store;

namespace Warehouse.Etl.Normalisation;

/// <summary>A number as written, with its scale word (千, 万, 亿) and unit (件, 亿元, %, ...).</summary>
public sealed record Quantity(double Value, string Scale, string Unit, string Qualifier)
{
    /// <summary>Units a quantity may carry, longest first so 人次 wins over 人.</summary>
    public const string UnitPattern = "件/万人|件每万人|件/万户|件每万户|人次|场次|万元|亿元|元|件|家|个|项|户|名|人|场|次|起|份|%|分|篇|所|笔";

    // [0-9], not \d: .NET's \d matches every Unicode digit (Arabic-Indic ١٢٣), which double.Parse then refuses.
    // 近3千件: news writes round thousands with 千 as it writes ten-thousands with 万.
    private static readonly Regex Pattern = new(
        @"^(?<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)\s*(?<pre>余|多)?\s*(?<scale>千万|万|亿|千)?\s*(?<mid>余|多)?\s*(?<unit>" + UnitPattern +
        @")?\s*(?<q>以上|以内|以下|左右|余|多)?",
        RegexOptions.Compiled);

    // 达两件, 三家: a small count in Chinese numerals right before a unit (not 一, which is mostly "a": 实现一个突破).
    private const string SmallNumerals = "两二三四五六七八九十"; // 两 is 2, the others their position + 1
    private static readonly Regex SmallChineseCount =
        new("^(?<num>[" + SmallNumerals + "])(?<unit>件|家|个|项|户|名|人|所|篇)", RegexOptions.Compiled);

    /// <summary>Parses the start of <paramref name="text"/> (full-width digits allowed, and a small count in Chinese numerals
    /// before a unit); null when it is not a number or not a finite one (a 400-digit cell parses to +Infinity).</summary>
    public static (Quantity Quantity, int Length)? ParsePrefix(string text)
    {
        if (SmallChineseCount.Match(text) is { Success: true } cn)
        {
            var position = SmallNumerals.IndexOf(cn.Groups["num"].Value[0]);
            return (new Quantity(position == 0 ? 2 : position + 1, "", cn.Groups["unit"].Value, ""), cn.Length);
        }
        var m = Pattern.Match(Text.Normalize(text));
        if (!m.Success) return null;
        var value = double.Parse(m.Groups["num"].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        if (!double.IsFinite(value)) return null;
        // 300余件 and 1.2万余件: 余/多 may stand before or after the scale word.
        var qualifier = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["mid"].Success ? m.Groups["mid"].Value : m.Groups["q"].Value;
        return (new Quantity(value, m.Groups["scale"].Value, m.Groups["unit"].Value, qualifier), m.Length);
    }

    /// <summary>Reads a unit written on its own (万件, 亿元, 件/万人): its scale word and unit, and whether the whole text was a unit.</summary>
    public static (string Scale, string Unit, bool Complete)? ParseUnit(string text)
    {
        var key = Text.Key(text);
        return ParsePrefix("0" + key) is var (q, length) ? (q.Scale, q.Unit, length == key.Length + 1) : null;
    }

    /// <summary>The value converted into <paramref name="canonicalUnit"/>, or null when the unit does not fit it.</summary>
    /// <param name="canonicalUnit">The indicator's unit (件, 件/万人, 亿元, %, ...).</param>
    /// <param name="altUnits">'|'-separated units accepted at the same scale.</param>
    public double? In(string canonicalUnit, string altUnits)
    {
        // A rate per 10,000 people or market entities (件/万人, 件/万户) counts in 件 like its indicator's canonical unit.
        var unit = Unit is "件/万人" or "件每万人" or "件/万户" or "件每万户" ? "件" : Unit;
        var scale = Scale switch { "千" => 1e3, "万" => 1e4, "千万" => 1e7, "亿" => 1e8, _ => 1.0 };
        if (unit is "万元") { unit = "元"; scale *= 1e4; }
        if (unit is "亿元") { unit = "元"; scale *= 1e8; }
        var target = canonicalUnit;
        var divisor = 1.0;
        if (target is "万元") { target = "元"; divisor = 1e4; }
        if (target is "亿元") { target = "元"; divisor = 1e8; }
        if (target is "件/万人" or "件/万户") target = "件";
        if (unit.Length == 0) return Value * scale / divisor; // a bare number is taken in the canonical unit
        var accepted = altUnits.Split('|', StringSplitOptions.RemoveEmptyEntries).Append(target);
        if (!accepted.Contains(unit)) return null;
        return Math.Round(Value * scale / divisor, 10);
    }

    /// <summary>The comparator the wording implies: 以上/余/多 → ≥, 以内/以下 → ≤, else the default.</summary>
    public string Comparator(string fallback) => Qualifier switch
    {
        "以上" or "余" or "多" => ">=",
        "以内" or "以下" => "<=",
        _ => fallback,
    };
}
