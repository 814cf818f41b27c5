using System.Text.RegularExpressions;
using Bot.Core.Analysis;

namespace Bot.Core.Answering.Spans;

/// <summary>
/// Amounts as wire copy writes them, with the hedge that belongs to them: "at least four", "800-strong",
/// "$100million", "more than $1 trillion", "93 percent", "388-2", "four years", "70-year-old". The
/// <see cref="AnswerSpan.Value"/> is the amount's analysed terms ("100 million dollar"), the same for every
/// spelling of it.
/// </summary>
public static partial class NumberSpans
{
    private const string Word = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string Num = @"(?:\d(?:[\d,]*\d)?(?:\.\d+)?|(?:" + Word + @")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a dozen|dozens|a few|several|hundreds|thousands|tens of thousands|millions|billions|a hundred|a thousand|half)";
    private const string Scale = @"(?:\s*(?:hundred|thousand|million|billion|trillion|mln|bln|bn)\b)?";
    private const string Hedge = @"(?:(?:at least|at most|more than|less than|fewer than|nearly|almost|about|around|some|up to|roughly|approximately|over|under|an estimated|as many as|as much as|just over|just under|only|a total of)\s+)?";

    [GeneratedRegex(Hedge + @"(?:US|U\.S\.|C|A|HK|NZ)?[$€£]\s?" + Num + Scale + @"|" + Hedge + @"(?<![\p{L}\d])" + Num + Scale + @"\s+(?:dollars|euros|pounds|yuan|yen|rupees|roubles|rubles|pesos|riyals|francs|won)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(Hedge + @"(?<![\p{L}\d])" + Num + @"\s?(?:%|percent\b|per cent\b|percentage points?\b|pct\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    // "aged 65", "a 65-year-old", "Mountari (65)", "Siti Aisyah, 25, and ...", "65 years old".
    [GeneratedRegex(@"(?<![\p{L}\d])(?:aged\s+\d{1,3}|\d{1,3}-year-old|\(\d{1,3}\)|(?<=\p{Lu}[\p{L}'’-]+,\s)\d{1,2}(?=,)|" + Hedge + Num + @"\s+years?\s+old)", RegexOptions.IgnoreCase)]
    private static partial Regex Age();

    [GeneratedRegex(Hedge + @"(?<![\p{L}\d])" + Num + @"[- ](?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<![\p{L}\d.,-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.,]|\s*(?:percent|%))|(?<![\p{L}\d])\d{1,3} to \d{1,3}(?= vote| margin| in favou?r)", RegexOptions.IgnoreCase)]
    private static partial Regex Tally();

    [GeneratedRegex(Hedge + @"(?<![\p{L}\d.,])" + Num + Scale + @"(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex Plain();

    /// <summary>Every amount of <paramref name="sentence"/> outside <paramref name="taken"/> (the dates), most specific kind first.</summary>
    public static IReadOnlyList<AnswerSpan> Find(string sentence, IReadOnlyList<AnswerSpan> taken)
    {
        var spans = new List<AnswerSpan>();
        void Collect(Regex pattern, SpanKind kind)
        {
            foreach (Match m in pattern.Matches(sentence))
            {
                var text = m.Value.Trim();
                if (text.Length == 0 || !text.Any(c => char.IsDigit(c) || char.IsLetter(c))) continue;
                var start = m.Index + (m.Value.Length - m.Value.TrimStart().Length);
                var span = new AnswerSpan(start, start + text.Length, kind, text, Value(text));
                if (kind == SpanKind.Number && IsBareArticle(text)) continue;
                if (!taken.Any(t => t.Overlaps(span)) && !spans.Any(s => s.Overlaps(span))) spans.Add(span);
            }
        }
        Collect(Money(), SpanKind.Money);
        Collect(Percent(), SpanKind.Percent);
        Collect(Age(), SpanKind.Age);
        Collect(Duration(), SpanKind.Duration);
        Collect(Tally(), SpanKind.Number);
        Collect(Plain(), SpanKind.Number);
        return spans.OrderBy(s => s.Start).ToList();
    }

    /// <summary>"half" or "several" alone, or "one" that is a pronoun more often than a count: no amount to quote.</summary>
    private static bool IsBareArticle(string text) => text.ToLowerInvariant() is "half" or "a few" or "several" or "one" or "some";

    /// <summary>The amount without its hedge, as analysed terms: "$100million" and "100 million dollars" agree.</summary>
    private static string Value(string text) => string.Join(' ', TextAnalyzer.Terms(HedgePrefix().Replace(text, "")));

    [GeneratedRegex("^" + Hedge, RegexOptions.IgnoreCase)]
    private static partial Regex HedgePrefix();
}
