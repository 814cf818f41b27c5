using Bot.Core.Analysis;

namespace Bot.Core.Answering.Extractive;

/// <summary>
/// Whether a question asks the opposite of what a sentence says: a question word the sentence lacks whose
/// opposite the sentence has, by a list of common English opposites ("least" for "most", "before" for "after")
/// or by a negating or reversing prefix on a shared root ("unconnected" for "connected", "discourage" for
/// "encourage"). Writers of SQuAD 2.0's unanswerable questions flip answerable ones exactly like this.
/// </summary>
public static class Opposites
{
    private static readonly string[] Prefixes =
        ["non-", "non", "anti", "counter", "dis", "mis", "un", "in", "im", "ir", "il", "en", "em", "de"];

    /// <summary>A prefix is only stripped when this much root remains ("inform" keeps its "in").</summary>
    private const int MinRoot = 4;

    private static readonly Dictionary<string, string[]> Opposite = Pairs(
        ("most", "least"), ("more", "less"), ("more", "fewer"), ("before", "after"), ("before", "later"), ("first", "last"),
        ("largest", "smallest"), ("larger", "smaller"), ("large", "small"), ("highest", "lowest"), ("higher", "lower"), ("high", "low"),
        ("maximum", "minimum"), ("best", "worst"), ("increase", "decrease"), ("increased", "decreased"), ("rise", "fall"), ("rose", "fell"),
        ("early", "late"), ("earliest", "latest"), ("earlier", "later"), ("win", "lose"), ("won", "lost"), ("gain", "loss"),
        ("major", "minor"), ("majority", "minority"), ("north", "south"), ("east", "west"), ("northern", "southern"), ("eastern", "western"),
        ("upper", "lower"), ("inner", "outer"), ("internal", "external"), ("inside", "outside"), ("above", "below"), ("above", "beneath"),
        ("over", "under"), ("top", "bottom"), ("front", "back"), ("left", "right"), ("positive", "negative"), ("long", "short"),
        ("longer", "shorter"), ("longest", "shortest"), ("old", "new"), ("older", "newer"), ("oldest", "newest"), ("ancient", "modern"),
        ("accept", "reject"), ("accepted", "rejected"), ("allow", "forbid"), ("allowed", "forbidden"), ("include", "exclude"),
        ("included", "excluded"), ("common", "rare"), ("commonly", "rarely"), ("always", "never"), ("often", "never"), ("same", "different"),
        ("private", "public"), ("domestic", "foreign"), ("import", "export"), ("imports", "exports"), ("imported", "exported"),
        ("start", "end"), ("start", "stop"), ("started", "stopped"), ("began", "ended"), ("beginning", "end"), ("open", "closed"),
        ("strong", "weak"), ("strongest", "weakest"), ("rich", "poor"), ("richest", "poorest"), ("success", "failure"),
        ("true", "false"), ("male", "female"), ("men", "women"), ("fast", "slow"), ("slowly", "quickly"), ("heavy", "light"),
        ("hot", "cold"), ("support", "oppose"), ("supported", "opposed"), ("established", "abolished"), ("limited", "infinite"),
        ("finite", "infinite"), ("straight", "curved"), ("some", "all"), ("only", "all"), ("buy", "sell"), ("bought", "sold"),
        ("lend", "borrow"), ("give", "take"), ("gave", "took"), ("retained", "lost"), ("less", "greater"), ("smaller", "greater"));

    public static bool Flipped(Words question, Words sentence)
    {
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.Lower[i];
            if (question.IsAsking(i) || sentence.LowerSet.Contains(word) || sentence.StemSet.Contains(question.Stems[i])) continue;
            if (Opposite.TryGetValue(word, out var opposites) && opposites.Any(sentence.LowerSet.Contains)) return true;
            if (word.Length > MinRoot && SharesRoot(word, sentence, question)) return true;
        }
        return false;
    }

    /// <summary>A sentence word the question lacks with the same root as <paramref name="word"/> once prefixes are stripped.</summary>
    private static bool SharesRoot(string word, Words sentence, Words question)
    {
        var root = Root(word);
        for (var j = 0; j < sentence.Count; j++)
        {
            var other = sentence.Lower[j];
            if (other != word && !question.StemSet.Contains(sentence.Stems[j]) && Root(other) == root) return true;
        }
        return false;
    }

    private static string Root(string word)
    {
        foreach (var prefix in Prefixes)
            if (word.Length - prefix.Length >= MinRoot && word.StartsWith(prefix, StringComparison.Ordinal))
                return TextAnalyzer.Stem(word[prefix.Length..]);
        return TextAnalyzer.Stem(word);
    }

    private static Dictionary<string, string[]> Pairs(params (string A, string B)[] pairs)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (a, b) in pairs)
        {
            (map.TryGetValue(a, out var ofA) ? ofA : map[a] = []).Add(b);
            (map.TryGetValue(b, out var ofB) ? ofB : map[b] = []).Add(a);
        }
        return map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
