using System.Text.RegularExpressions;
using Bot.Core.Analysis;
using Bot.Core.Answering.Spans;

namespace Bot.Core.Answering.Extractive;

/// <summary>The kind of short answer a question asks for.</summary>
public enum Wanted { Any, Agent, Person, Organisation, Place, Date, Time, Count, Amount, Money, Percent, Age, Duration }

/// <summary>
/// What a question asks for, read from its wording: "who" wants a person or organisation, "where" a place,
/// "when" a date, "how many soldiers" a count of soldiers (<see cref="Focus"/> "soldier"), "how much" an amount
/// of money, "what percentage" a percentage, "how old" an age. Questions that want an explanation or an account
/// ("why", "what did X say") want no short answer: <see cref="Wanted.Any"/>.
/// </summary>
public sealed partial record QuestionIntent(Wanted Wanted, string? Focus, bool Why, bool Said)
{
    public static readonly QuestionIntent None = new(Wanted.Any, null, false, false);

    /// <summary>The focus of "which country" and "in what country": a place that is a country is wanted.</summary>
    public static readonly string CountryFocus = TextAnalyzer.Stem("country");

    /// <summary>"When will the court hear the appeal?": a day still to come, after the story was filed.</summary>
    public bool AsksFuture { get; init; }

    /// <summary>"Where did the bombers fly from?": the place something comes from is wanted, not only where it is.</summary>
    public bool AsksOrigin { get; init; }

    /// <summary>
    /// "What's the name of the bodyguard who was shot?": the name must be the <see cref="Focus"/>'s own, titled or set
    /// beside it ("the bodyguard, Rashid Mohamed"), not any name in the sentence. Not for a company or party: news
    /// seldom titles an organisation by its kind, and its kind of name is evidence enough.
    /// </summary>
    public bool NamesFocus { get; init; }

    /// <summary>Whether the question wants a name, date, place or amount to lead the answer.</summary>
    public bool WantsShortAnswer => Wanted != Wanted.Any;

    public bool Accepts(SpanKind kind) => Wanted switch
    {
        Wanted.Agent => kind is SpanKind.Person or SpanKind.Organisation or SpanKind.Name or SpanKind.Country,
        Wanted.Person => kind is SpanKind.Person or SpanKind.Name,
        // A country answers "which government", not "which company".
        Wanted.Organisation => kind is SpanKind.Organisation or SpanKind.Name || (kind is SpanKind.Country && (Focus is null || StateNouns.Contains(Focus))),
        Wanted.Place => kind is SpanKind.Place or SpanKind.Country,
        Wanted.Date => kind is SpanKind.Date,
        Wanted.Time => kind is SpanKind.Time or SpanKind.Date,
        Wanted.Count => kind is SpanKind.Number,
        Wanted.Amount => kind is SpanKind.Number or SpanKind.Money or SpanKind.Percent,
        Wanted.Money => kind is SpanKind.Money,
        Wanted.Percent => kind is SpanKind.Percent,
        Wanted.Age => kind is SpanKind.Age,
        Wanted.Duration => kind is SpanKind.Duration,
        _ => false,
    };

    public static QuestionIntent Of(string question)
    {
        var q = Regex.Replace(question.ToLowerInvariant().Replace('’', '\''), @"\s+", " ").Trim();
        var why = WhyCue().IsMatch(q);
        var said = SaidCue().IsMatch(q);
        if (why || said) return new(Wanted.Any, null, why, said);
        if (AgeCue().IsMatch(q)) return new(Wanted.Age, null, false, false);
        if (DurationCue().IsMatch(q)) return new(Wanted.Duration, null, false, false);
        if (PercentCue().IsMatch(q)) return new(Wanted.Percent, null, false, false);
        if (HowMany().Match(q) is { Success: true } many) return new(Wanted.Count, FocusOf(many.Groups["rest"].Value), false, false);
        if (HowMuch().Match(q) is { Success: true } much)
        {
            var rest = much.Groups["rest"].Value;
            return new(MoneyCue().IsMatch(q) ? Wanted.Money : Wanted.Amount, FocusOf(rest), false, false);
        }
        if (CountNoun().IsMatch(q)) return new(MoneyCue().IsMatch(q) ? Wanted.Money : Wanted.Amount, null, false, false);
        if (ClockCue().IsMatch(q)) return new(Wanted.Time, null, false, false);
        if (TimeCue().IsMatch(q)) return new(Wanted.Date, null, false, false) { AsksFuture = FutureCue().IsMatch(q) };
        if (PlaceCue().IsMatch(q)) return new(Wanted.Place, CountryCue().IsMatch(q) ? CountryFocus : null, false, false) { AsksOrigin = FromCue().IsMatch(q) };
        if (NameOf().Match(question) is { Success: true } nameOf && NamedNoun(nameOf.Groups["words"].Value) is { } named) return named;
        if (WhichNoun().Match(q) is { Success: true } which && WhichWanted(which.Groups["words"].Value) is { } wanted) return wanted;
        if (NameCue().IsMatch(q)) return new(Wanted.Person, null, false, false);
        // "Who is Jason Miller?" asks what he is: a description, which no name or date answers.
        if (WhoIsName().IsMatch(question)) return None;
        if (WhoWithin().IsMatch(q)) return new(Wanted.Person, null, false, false);
        if (WhoCue().IsMatch(q))
            // "Who is Sweden's ambassador?" asks for a person, "who asked the US...?" for anyone.
            return q.Split(' ', '-').Any(w => PersonNouns.Contains(Singular(w))) ? new(Wanted.Person, null, false, false) : new(Wanted.Agent, null, false, false);
        return None;
    }

    private static string Singular(string word)
    {
        var clean = word.Trim('?', ',', '\'');
        return clean.EndsWith('s') && !clean.EndsWith("ss", StringComparison.Ordinal) ? clean[..^1] : clean;
    }

    /// <summary>
    /// "which group", "which Treasury official", "which Trump judicial nominee": the last noun of the words after
    /// "which" before a verb or a small word says what kind of name is asked for.
    /// </summary>
    private static QuestionIntent? WhichWanted(string words)
    {
        QuestionIntent? wanted = null;
        foreach (var noun in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (StopWords.English.Contains(noun) || Verbs.Contains(noun)) break;
            var singular = Singular(noun);
            if (PersonNouns.Contains(singular)) wanted = new(Wanted.Person, TextAnalyzer.Stem(singular), false, false);
            else if (OrganisationNouns.Contains(singular)) wanted = new(Wanted.Organisation, TextAnalyzer.Stem(singular), false, false);
            else if (PlaceNouns.Contains(singular)) wanted = new(Wanted.Place, TextAnalyzer.Stem(singular), false, false);
        }
        return wanted;
    }

    /// <summary>
    /// "the London professor Papadopoulos lied to": the noun whose name is asked, the last word before a small word,
    /// a verb, or a capitalised word after a plain one (the next clause's subject); its kind says what name is wanted.
    /// </summary>
    private static QuestionIntent? NamedNoun(string words)
    {
        string? head = null;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = word.Trim('?', ',', '.', '"');
            var lower = clean.ToLowerInvariant();
            if (clean.Length == 0 || StopWords.English.Contains(lower) || Verbs.Contains(lower) || lower is "whose" or "whom"
                || (head is not null && (lower.EndsWith("ed", StringComparison.Ordinal) || (char.IsUpper(clean[0]) && char.IsLower(head[0]))))) break;
            head = clean;
        }
        if (head is null || TextAnalyzer.Terms(head).LastOrDefault() is not { } focus) return null;
        var singular = Singular(head.ToLowerInvariant());
        var wanted = PersonNouns.Contains(singular) ? Wanted.Person : OrganisationNouns.Contains(singular) ? Wanted.Organisation
            : PlaceNouns.Contains(singular) ? Wanted.Place : Wanted.Agent;
        return new(wanted, focus, false, false) { NamesFocus = wanted != Wanted.Organisation };
    }

    /// <summary>The head of the words after "how many": the last content word before the verb ("U.S. soldiers were" → "soldier").</summary>
    private static string? FocusOf(string rest)
    {
        string? focus = null;
        foreach (var word in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = word.Trim('?', ',', '.', '"', '\'');
            if (clean.Length == 0) continue;
            // A past form after the noun is the verb ("aftershocks followed the quake"), not part of what is counted.
            if (StopWords.English.Contains(clean) || Verbs.Contains(clean) || (focus is not null && clean.EndsWith("ed", StringComparison.Ordinal))) break;
            focus = clean;
        }
        return focus is null ? null : TextAnalyzer.Terms(focus).LastOrDefault();
    }

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "died", "killed", "were", "was", "are", "is", "did", "do", "does", "have", "has", "had", "will", "would", "could", "can",
        "voted", "got", "get", "took", "take", "make", "made", "left", "remain", "remained", "face", "faced",
    };

    private static readonly HashSet<string> PersonNouns = new(StringComparer.Ordinal)
    {
        "person", "man", "woman", "official", "minister", "judge", "senator", "lawmaker", "leader", "president", "general", "spokesman",
        "spokeswoman", "candidate", "diplomat", "ambassador", "prosecutor", "lawyer", "executive", "ceo", "governor", "secretary",
        "politician", "congressman", "congresswoman", "mayor", "chancellor", "king", "prince", "player", "reporter", "journalist",
        "activist", "commander", "officer", "envoy", "aide", "adviser", "advisor", "member", "representative", "chief", "head", "director",
        "chairman", "justice", "nominee", "rival", "opponent", "pope", "cleric", "hacker", "democrat", "republican", "soldier", "citizen",
        "attacker", "gunman", "suspect", "victim", "founder", "businessman", "businesswoman", "billionaire", "investor", "analyst",
        "economist", "professor", "scientist", "doctor", "athlete", "coach", "ruler", "monarch", "queen", "rebel", "militant", "worker",
        "student", "witness", "banker", "tycoon", "manager", "owner", "legislator", "strategist", "chairwoman", "commissioner", "donor",
        "pilot", "author", "writer", "actor", "actress", "singer", "host", "premier", "dictator", "emir", "sheikh", "bishop", "priest",
        "consul",
    };

    private static readonly HashSet<string> OrganisationNouns = new(StringComparer.Ordinal)
    {
        "company", "firm", "group", "party", "organization", "organisation", "agency", "bank", "militia", "union", "network", "newspaper",
        "channel", "airline", "court", "committee", "ministry", "department", "government", "alliance", "coalition", "faction", "movement",
        "carmaker", "automaker", "insurer", "lender", "broadcaster", "outlet", "publication", "institution", "university", "body", "country",
        "nation", "team", "club",
    };

    /// <summary>Stems of the organisation nouns a country can stand for.</summary>
    private static readonly HashSet<string> StateNouns = new(new[] { "government", "nation", "country", "state" }.Select(TextAnalyzer.Stem), StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "city", "town", "village", "province", "region", "state", "place", "area", "capital", "district", "island", "port", "county",
        "base", "border", "neighbourhood", "neighborhood",
    };

    [GeneratedRegex(@"^(?:and |so |but )?why\b|\bwhat (?:was|is|were|are) the reasons?\b|\bfor what reason\b|\bhow come\b|\bwhat (?:caused|prompted|led to|drove)\b")]
    private static partial Regex WhyCue();

    [GeneratedRegex(@"\bwhat (?:did|does|do|has|have|had|will|would) .{1,60}? (?:say|said|tell|told|think|thinks|claim|argue|warn|mean|write|tweet|announce|add)\b|\bwhat was .{1,40}? (?:response|reaction|message|argument|view|position|stance)\b|\bhow did .{1,40}? (?:respond|react|describe|explain)\b")]
    private static partial Regex SaidCue();

    [GeneratedRegex(@"\bhow old\b|\bwhat (?:is|was) (?:the |his |her |their )?age\b|\bat what age\b")]
    private static partial Regex AgeCue();

    [GeneratedRegex(@"\bhow long\b|\bfor how many (?:days|weeks|months|years|hours)\b")]
    private static partial Regex DurationCue();

    [GeneratedRegex(@"\b(?:what|which) (?:percentage|percent|share|proportion|fraction|portion|chance|odds|probability)\b|\bhow many percent\b|\bby how much\b|\bwhat (?:was|is) the (?:rate|growth|margin)\b")]
    private static partial Regex PercentCue();

    [GeneratedRegex(@"\bhow many\b(?<rest>.*)")]
    private static partial Regex HowMany();

    [GeneratedRegex(@"\bhow much\b(?<rest>.*)")]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"\b(?:money|cost|costs|costing|pay|paid|pays|spend|spent|worth|fund|funding|funds|aid|budget|price|priced|raise|raised|fine|fined|loan|deal|sales|revenue|profit|salary|bail|dollars|value|valued|invest|invested|investment|compensation|damage|damages|bill)\b")]
    private static partial Regex MoneyCue();

    [GeneratedRegex(@"\bwhat (?:is|was|were|are) the (?:number|total|toll|death toll|tally|amount|size|sum|figure|count|population|cost|price|value|vote|margin|turnout)\b")]
    private static partial Regex CountNoun();

    [GeneratedRegex(@"\bwhat time\b|\bat what hour\b")]
    private static partial Regex ClockCue();

    [GeneratedRegex(@"^(?:and |so |but )?when\b|\bwhen (?:did|was|were|is|will|does|do|had|has)\b|\b(?:what|which) (?:year|date|day|month|time|week)\b|\bsince when\b|\bhow soon\b|\bon what (?:date|day)\b|\bby when\b")]
    private static partial Regex TimeCue();

    [GeneratedRegex(@"^(?:and |so |but )?where\b|\bwhere (?:did|was|were|is|are|will|does|do|had|has|'s)\b|\b(?:what|which) (?:city|country|town|village|province|region|state|place|capital|area|district|island|port|county)\b|\bin what (?:city|country|town|place)\b|\bwhere's\b")]
    private static partial Regex PlaceCue();

    [GeneratedRegex(@"\bname of (?:the |a |an |this |that )?(?<words>[^?]+)", RegexOptions.IgnoreCase)]
    private static partial Regex NameOf();

    [GeneratedRegex(@"\b(?:which|what) (?<words>\w+(?: \w+){0,2})")]
    private static partial Regex WhichNoun();

    /// <summary>"Who at Twitter...", "who on Clinton's team...": someone inside an organisation, a person.</summary>
    [GeneratedRegex(@"^(?:and |so |but )?who (?:at|on|in|inside|within|from) ")]
    private static partial Regex WhoWithin();

    [GeneratedRegex(@"\bwhen (?:will|would|is|are|does|do)\b.*\b(?:will|going to|due to|expected to|set to|scheduled to|start|starts|begin|begins|end|ends|expire|expires|run out|runs out)\b|\bwhen will\b|\bwhen would\b")]
    private static partial Regex FutureCue();

    [GeneratedRegex(@"\bfrom\b")]
    private static partial Regex FromCue();

    [GeneratedRegex(@"\b(?:what|which) (?:country|nation)\b|\bin what country\b")]
    private static partial Regex CountryCue();

    [GeneratedRegex(@"\b(?:real|full|first|last|maiden|birth) name\b|\bwhat (?:is|was|'s) (?:his|her|its|their) name\b")]
    private static partial Regex NameCue();

    /// <summary>"Who is Jason Miller?", "And who was Rick Gates?": a name and nothing more, in the question as written.</summary>
    [GeneratedRegex(@"^\s*(?:(?:[Aa]nd|[Ss]o|[Bb]ut)\s+)?[Ww]ho(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:\p{Lu}[\p{L}.'’\-]*\s*){1,4}\??\s*$")]
    private static partial Regex WhoIsName();

    [GeneratedRegex(@"^(?:and |so |but )?(?:who|whom|whose)\b|\b(?:who|whom|whose) (?:is|was|were|are|did|does|had|has|will|would|could|said|asked|told|led|leads|won|owns)\b|\bwho's\b|\bwhat(?:'s| is| was) the name of\b|\bname (?:of )?the\b")]
    private static partial Regex WhoCue();
}
