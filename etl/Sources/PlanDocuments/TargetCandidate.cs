namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>A numeric commitment (or reported result) found in a plan, before it is written to fact_target.</summary>
/// <param name="Rule">Which rule found it (prose, table, number-first, from-to, elided-grant), for debugging the extractor.</param>
/// <param name="ExplicitMeasure">True when the wording itself said how the number accumulates (累计, 新增, 每年 ...).</param>
/// <param name="NumberAt">Where the number stands in the sentence's folded text (-1 in tables), so every other number is reported.</param>
/// <param name="RegionCode">A division inside the plan's region the figure is for (a county row of a report's table); null for the
/// plan's own region.</param>
public sealed record TargetCandidate(
    string IndicatorCode, string Kind, string Measure, string Comparator, double Value,
    int TargetYear, int SpanStart, int SpanEnd, string Evidence, int Offset, string Rule, bool ExplicitMeasure, int NumberAt = -1,
    string? RegionCode = null);

/// <summary>A number the extractor saw in a commitment but could not tie to a known indicator.</summary>
public sealed record UnknownMention(string Phrase, string Evidence, int Offset);

/// <summary>What the extractor read from one plan.</summary>
public sealed record ExtractionResult(PlanHeader Header, IReadOnlyList<TargetCandidate> Targets, IReadOnlyList<UnknownMention> Unknown);
