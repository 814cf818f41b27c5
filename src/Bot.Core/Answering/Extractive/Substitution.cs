namespace Bot.Core.Answering.Extractive;

/// <summary>What <see cref="Substitutions.Find"/> saw: a question word replaced in the sentence, and of which kind.</summary>
public readonly record struct Substitution(bool NameOrNumber, bool Modifier);

/// <summary>
/// A question word the sentence lacks, where the sentence has another word in its place: between the same
/// neighbours ("one ton of mass" against "one kilogram of mass"). A name swapped for a name or a number for a
/// number ("Harvard's football team" against "the Yale football team") is how an answerable question is most
/// often made unanswerable; a content word swapped before a shared one ("limited collection" against
/// "infinite collection") less surely, since paraphrase does that too.
/// </summary>
public static class Substitutions
{
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
        "forty", "fifty", "hundred", "thousand", "million", "billion", "first", "second", "third", "fourth", "fifth", "half", "dozen",
    };

    public static Substitution Find(Words question, Words sentence)
    {
        bool nameOrNumber = false, modifier = false;
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.Lower[i];
            if ((Words.IsStopWord(word) && !IsNumber(word)) || question.IsAsking(i) || sentence.StemSet.Contains(question.Stems[i])) continue;
            for (var j = 0; j < sentence.Count; j++)
            {
                if (question.StemSet.Contains(sentence.Stems[j])) continue;
                var sameLeft = i > 0 && j > 0 && sentence.Stems[j - 1] == question.Stems[i - 1];
                var sameRight = i + 1 < question.Count && j + 1 < sentence.Count && sentence.Stems[j + 1] == question.Stems[i + 1];
                if (!sameLeft && !sameRight) continue;
                nameOrNumber |= (IsNumber(word) && IsNumber(sentence.Lower[j]))
                    || (i > 0 && j > 0 && IsName(question.Surface[i]) && IsName(sentence.Surface[j]) && !Words.IsStopWord(sentence.Lower[j]));
                modifier |= sameRight && !Words.IsStopWord(question.Lower[i + 1]) && !Words.IsStopWord(sentence.Lower[j]);
            }
        }
        return new Substitution(nameOrNumber, modifier);
    }

    private static bool IsNumber(string lower) => char.IsDigit(lower[0]) || NumberWords.Contains(lower);

    private static bool IsName(string surface) => char.IsUpper(surface[0]);
}
