namespace Bot.Core.Chunking;

/// <summary>How a period after a word bears on a sentence boundary.</summary>
internal enum AbbreviationKind
{
    /// <summary>An ordinary word: the period ends the sentence.</summary>
    None,
    /// <summary>A title or connective that is always followed by more of the sentence ("Mr.", "Gen.", "vs.").</summary>
    NeverEnds,
    /// <summary>Continues when a number follows ("Oct. 4", "No. 2"); otherwise an ordinary word.</summary>
    BeforeNumber,
    /// <summary>May end a sentence or continue it ("U.S.", "St.", "Fla.", "J."); the next word decides.</summary>
    Ambiguous,
    /// <summary>
    /// A name suffix ("Inc.", "Corp.", "Jr."). Wire style writes "Apple Inc said", so a period after the suffix
    /// is a full stop, unless a ticker or note in brackets follows ("Berkshire Hathaway Inc. (BRKa.N)").
    /// </summary>
    Suffix,
}

/// <summary>The abbreviations of English news text and what a period after each one means.</summary>
internal static class Abbreviations
{
    private static readonly HashSet<string> NeverEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Fr",
        "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig",
        "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Pres", "Amb", "Atty", "Supt", "Insp",
        "Mt", "Ft", "vs", "v", "e.g", "i.e", "cf", "viz", "approx",
    };

    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "Nos", "Vol", "Art", "Fig", "pp",
    };

    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "St", "Ave", "Blvd", "Rd", "Dept", "Univ", "etc", "al",
    };

    // Capitalised only: "Ill.", "Miss." and "Wash." are also ordinary words.
    private static readonly HashSet<string> States = new(StringComparer.Ordinal)
    {
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
        "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
        "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "Bros", "LLC", "Jr", "Sr",
    };

    /// <param name="word">The letters and dots just before the period, without that period ("U.S", "Oct", "J").</param>
    public static AbbreviationKind Classify(string word)
    {
        if (word.Length == 0) return AbbreviationKind.None;
        if (NeverEnds.Contains(word)) return AbbreviationKind.NeverEnds;
        // Dotted acronyms (U.S., D.C., a.m.) and initials (J. Smith) end sentences as often as they continue them.
        if (word.Contains('.') || (word.Length == 1 && char.IsUpper(word[0]))) return AbbreviationKind.Ambiguous;
        if (BeforeNumber.Contains(word)) return AbbreviationKind.BeforeNumber;
        if (Ambiguous.Contains(word) || States.Contains(word)) return AbbreviationKind.Ambiguous;
        if (Suffixes.Contains(word)) return AbbreviationKind.Suffix;
        return AbbreviationKind.None;
    }
}
