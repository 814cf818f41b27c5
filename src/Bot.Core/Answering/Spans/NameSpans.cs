using System.Text.RegularExpressions;
using Bot.Core.Analysis;

namespace Bot.Core.Answering.Spans;

/// <summary>
/// Names in a sentence: runs of capitalised words ("Defence Minister Kalla Mountari", "Islamic State",
/// "Mexico City", "al-Assad"), told apart by rule. A title in front makes the rest a person and is left out of
/// the span; an organisation word ("Party", "Ministry", "Council") or an acronym makes an organisation; the
/// gazetteer, or "the city of", makes a place; two to four plain capitalised words are a person; a lone word is
/// a person when it is the last name of one the passage names in full.
/// </summary>
public static partial class NameSpans
{
    [GeneratedRegex(@"(?:\p{Lu}\.){2,}|[\p{L}\d][\p{L}\d'’\-]*\.?")]
    private static partial Regex Token();

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
        { "of", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn", "van", "von", "der", "den", "al", "el", "for" };

    /// <summary>A title word that, ending the words in front of a name, makes it a person.</summary>
    private static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        "president", "minister", "secretary", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "governor", "gov.",
        "judge", "justice", "general", "gen.", "lt.", "colonel", "col.", "maj.", "sgt.", "admiral", "adm.", "commander", "captain", "capt.",
        "mr.", "mrs.", "ms.", "dr.", "professor", "prof.", "chancellor", "king", "queen", "prince", "princess", "pope", "ambassador",
        "spokesman", "spokeswoman", "spokesperson", "commissioner", "chairman", "chairwoman", "director", "mayor", "speaker", "leader",
        "sheikh", "emir", "ayatollah", "cardinal", "archbishop", "bishop", "rev.", "reverend", "envoy", "premier", "candidate", "nominee",
        "lawmaker", "executive", "ceo", "sir", "lord", "lady", "dame",
    };

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.Ordinal)
    {
        "party", "ministry", "department", "council", "committee", "agency", "bank", "inc", "inc.", "corp", "corp.", "co", "co.", "ltd",
        "ltd.", "plc", "llc", "group", "union", "court", "commission", "army", "forces", "force", "police", "congress", "senate", "house",
        "parliament", "government", "administration", "foundation", "university", "institute", "organization", "organisation",
        "association", "federation", "front", "movement", "service", "services", "board", "office", "fund", "reserve", "treasury",
        "pentagon", "kremlin", "state", "brigade", "brigades", "guard", "guards", "navy", "network", "news", "times", "post", "journal",
        "reuters", "company", "companies", "airlines", "airways", "motors", "holdings", "industries", "international", "alliance",
        "coalition", "authority", "bureau", "assembly", "cabinet", "center", "centre", "club", "school", "college", "church",
        "television", "tv", "radio", "fbi", "cia", "nato", "opec", "isis", "taliban", "hezbollah", "hamas", "militia",
        "command", "corps", "exchange", "ipsos", "daily", "press", "channel", "magazine",
    };

    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "province", "city", "county", "island", "islands", "republic", "valley", "sea", "gulf", "region", "mountains", "street", "square",
        "park", "district", "airport", "border", "peninsula", "strait", "river", "lake", "ocean", "bay", "coast", "desert", "state",
        "territory", "capital", "town", "village", "base",
    };

    [GeneratedRegex(@"\b(?:city|province|town|village|region|state|capital|district|island|port|outskirts|suburbs?|station|resort|area|municipality|neighbou?rhood) of\s+$|\b(?:in|at|near|from|to|into|outside|across|around|visiting|visit to|arrived in|based in)\s+(?:the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceBefore();

    [GeneratedRegex(@"^\s*(?:said|says|told|added|wrote|asked|argued|warned|noted|stated|tweeted|announced|explained|replied|insisted|declined)\b|^,\s*(?:the|a|an|who|whose)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeakerAfter();

    private readonly record struct Word(int Start, int End, string Text, string Lower, bool Capitalised);

    /// <summary>The names in <paramref name="sentence"/>; <paramref name="knownPeople"/> holds last names of people the passage names in full.</summary>
    public static IReadOnlyList<AnswerSpan> Find(string sentence, IReadOnlySet<string>? knownPeople = null)
    {
        var words = Token().Matches(sentence).Select(m =>
        {
            var text = m.Value;
            var capitalised = char.IsUpper(text[0]) || (text.Length > 3 && (text.StartsWith("al-", StringComparison.Ordinal) || text.StartsWith("el-", StringComparison.Ordinal)) && char.IsUpper(text[3]));
            return new Word(m.Index, m.Index + m.Length, text, text.ToLowerInvariant(), capitalised);
        }).ToList();
        var spans = new List<AnswerSpan>();
        var i = 0;
        while (i < words.Count)
        {
            if (!words[i].Capitalised) { i++; continue; }
            var end = i;
            while (end + 1 < words.Count && Continues(sentence, words, end)) end++;
            // A connector never ends a name: "Bank of" stops before "of".
            while (end > i && !words[end].Capitalised) end--;
            if (Classify(sentence, words, i, end, knownPeople) is { } span) spans.Add(span);
            i = end + 1;
        }
        return spans;
    }

    /// <summary>Whether the word after <paramref name="at"/> continues the name: capitalised or a connector, with only a space between.</summary>
    private static bool Continues(string sentence, List<Word> words, int at)
    {
        var (current, next) = (words[at], words[at + 1]);
        var gap = sentence.AsSpan(current.End, next.Start - current.End);
        if (gap.Length != 1 || gap[0] != ' ') return false;
        if (current.Text.EndsWith("'s", StringComparison.Ordinal) || current.Text.EndsWith("’s", StringComparison.Ordinal)) return false;
        // A plural's possessive too: "WikiLeaks’ Twitter account" is two names.
        if (current.Text.Length > 2 && current.Text[^1] is '’' or '\'' && current.Text[^2] == 's') return false;
        // A full stop ends the name with its sentence ("...led by Mountari. Niger asked"); a title's, an initial's or
        // an acronym's dot does not ("Mr. Smith", "J. Smith", "U.S. Special Forces").
        if (current.Text.EndsWith('.') && Chunking.Abbreviations.Classify(current.Text[..^1]) is Chunking.AbbreviationKind.None or Chunking.AbbreviationKind.Suffix)
            return false;
        if (next.Capitalised) return true;
        if (!Connectors.Contains(next.Lower) || at + 2 >= words.Count || !words[at + 2].Capitalised || !current.Capitalised) return false;
        // "Minister for Foreign Affairs", "Center for Strategic Studies" are one name; "Plan B for Israel" is two.
        return next.Lower != "for" || OrganisationWords.Contains(current.Lower) || PersonTitles.Contains(current.Lower);
    }

    private static AnswerSpan? Classify(string sentence, List<Word> words, int first, int last, IReadOnlySet<string>? knownPeople)
    {
        // A sentence's first word is capitalised anyway: a name only when it is not a common word.
        if (OpensSentence(sentence, words[first]) && IsCommonOpening(words[first]) && !Gazetteer.IsPlace(words[first].Text)) first++;
        if (first > last) return null;
        // "Influential state-run Chinese tabloid...": a lone word opening a sentence is an adjective or the like unless
        // something says it is a name (a known place or person, an acronym, a possessive, a speech verb after it).
        if (first == last && OpensSentence(sentence, words[first]) && !IsKnownName(sentence, words, first, knownPeople)) return null;

        // "Defence Minister Kalla Mountari", "Former CIA Director John Brennan", "Turkish President Tayyip Erdogan":
        // the words up to the last title say what the person is; the name follows it.
        var start = first;
        var titled = false;
        for (var k = last - 1; k >= first; k--)
            if (PersonTitles.Contains(words[k].Lower) || IsTitleAbbreviation(words[k]) || words[k].Lower.Split('-').Any(PersonTitles.Contains))
            {
                // "Minister for Foreign Affairs" names an office, not a person after a title.
                if (Connectors.Contains(words[k + 1].Lower)) break;
                // "General Motors" is a company: no organisation word may follow the title.
                if (!words.Skip(k + 1).Take(last - k).Any(w => OrganisationWords.Contains(w.Lower.TrimEnd('.'))))
                    (start, titled) = (k + 1, true);
                break;
            }
        var text = Clean(sentence[words[start].Start..words[last].End]);
        // A lone letter ("U" of "U.S-backed") names nothing.
        if (text.Length < 2) return null;
        // The words as cleaned, so a possessive does not hide an organisation word ("Congress's").
        var lowerWords = text.ToLowerInvariant().Split(' ').Select(w => w.TrimEnd('.')).ToList();
        var (spanStart, spanEnd) = (words[start].Start, words[start].Start + text.Length);
        var before = sentence[..words[first].Start];
        var after = sentence[spanEnd..];

        SpanKind kind;
        if (titled && !Gazetteer.IsPlace(text)) kind = SpanKind.Person;
        else if (Gazetteer.IsUnion(text)) kind = SpanKind.Organisation;
        else if (Gazetteer.IsCountry(text)) kind = SpanKind.Country;
        else if (Gazetteer.IsPlace(text)) kind = SpanKind.Place;
        // A demonym alone ("Nigerien", "Americans") describes; it names no one to answer with.
        else if (Gazetteer.IsCountryOrDemonym(text)) return null;
        else if (lowerWords.Any(w => OrganisationWords.Contains(w.TrimEnd('s')) || OrganisationWords.Contains(w))) kind = SpanKind.Organisation;
        else if (IsAcronym(text)) kind = SpanKind.Organisation;
        else if (PlaceWords.Contains(lowerWords[^1]) || PlaceBefore().IsMatch(before) && !SpeakerAfter().IsMatch(after) && lowerWords.Count <= 3) kind = SpanKind.Place;
        // A lone letter ends no one's name ("Plan B", "Category A").
        else if (lowerWords.Count is >= 2 and <= 4 && lowerWords[^1].Length > 1) kind = SpanKind.Person;
        else if (knownPeople?.Contains(lowerWords[0]) == true || SpeakerAfter().IsMatch(after)) kind = SpanKind.Person;
        else kind = SpanKind.Name;
        if (kind == SpanKind.Name && StopWords.English.Contains(lowerWords[0])) return null;
        return new AnswerSpan(spanStart, spanEnd, kind, text, string.Join(' ', TextAnalyzer.Terms(text)));
    }

    /// <summary>Whether the word begins the text or a sentence of it (after a full stop, a line break or an opening quote).</summary>
    private static bool OpensSentence(string text, Word word)
    {
        var i = word.Start - 1;
        while (i >= 0 && text[i] is ' ' or '"' or '“' or '‘' or '(' or '\'') i--;
        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or ':' or ';';
    }

    private static bool IsKnownName(string sentence, List<Word> words, int at, IReadOnlySet<string>? knownPeople)
    {
        var word = words[at];
        var after = sentence[word.End..];
        var next = after.TrimStart();
        return Gazetteer.IsPlace(word.Text) || Gazetteer.IsCountryOrDemonym(word.Text) || IsAcronym(word.Text.TrimEnd('.'))
            || word.Text.EndsWith("'s", StringComparison.Ordinal) || word.Text.EndsWith("’s", StringComparison.Ordinal)
            || knownPeople?.Contains(word.Lower) == true || SpeakerAfter().IsMatch(after)
            // Followed by punctuation or another capital ("Trump, who", "Reuters (Reuters)"), it stands as a name.
            || next.Length == 0 || !char.IsLower(next[0]);
    }

    private static bool IsTitleAbbreviation(Word word) => word.Text.EndsWith('.') && PersonTitles.Contains(word.Lower);

    /// <summary>A possessive or a full stop is not part of the name: "Mountari's" is "Mountari".</summary>
    private static string Clean(string text)
    {
        if (text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("’s", StringComparison.Ordinal)) text = text[..^2];
        // A dotted acronym keeps its last dot ("U.S."); a word in capitals ending a sentence does not ("the FBI.").
        if (text.EndsWith('.') && !(IsAcronym(text) && text[..^1].Contains('.')) && !text.EndsWith("Inc.", StringComparison.Ordinal) && !text.EndsWith("Co.", StringComparison.Ordinal))
            text = text[..^1];
        return text.TrimEnd('-', '\'', '’');
    }

    private static bool IsAcronym(string text) =>
        text.Length >= 2 && !text.Contains(' ') && text.Count(char.IsUpper) >= 2 && text.All(c => char.IsUpper(c) || c == '.' || char.IsDigit(c) || c == '-');

    /// <summary>A capitalised sentence opening that is a plain word: a stop word, or a word shaped like a verb or adverb.</summary>
    private static bool IsCommonOpening(Word word) =>
        StopWords.English.Contains(word.Lower) || word.Lower.EndsWith("ed", StringComparison.Ordinal) || word.Lower.EndsWith("ing", StringComparison.Ordinal)
        || word.Lower.EndsWith("ly", StringComparison.Ordinal) || CommonOpenings.Contains(word.Lower);

    private static readonly HashSet<string> CommonOpenings = new(StringComparer.Ordinal)
    {
        "however", "but", "yet", "still", "meanwhile", "instead", "last", "next", "earlier", "later", "since", "despite", "although",
        "though", "while", "many", "several", "some", "most", "officials", "analysts", "experts", "critics", "residents", "witnesses",
        "sources", "police", "authorities", "lawmakers", "investors", "according", "asked", "among", "under", "separately", "like",
        "unlike", "even", "only", "one", "two", "three", "four", "five", "both", "each", "every", "another", "other", "such", "thursday's",
        "a", "an", "the", "it", "its", "he", "she", "they", "we", "i", "you", "there", "this", "that", "these", "those", "in", "on", "at",
    };
}
