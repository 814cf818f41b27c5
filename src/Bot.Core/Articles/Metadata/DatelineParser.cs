using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Articles.Metadata;

/// <summary>
/// Finds the wire dateline at the start of a story: "NIAMEY (Reuters) - ", "MARRAKESH, Morocco/CHICAGO (Reuters) - ",
/// "Berlin (Reuters) - ", "(Reuters) - ", possibly after a refile or editor's note in parentheses and a
/// "By ..." byline. Only reads: the text itself is never changed.
/// </summary>
public static partial class DatelineParser
{
    /// <summary>How far into the text the dateline may end; past this it is a quote, not a dateline.</summary>
    private const int SearchWindow = 600;

    // The agency marker: "(Reuters) -", "(Thomson Reuters Foundation) –", capitalised words only.
    [GeneratedRegex(@"\((?<agency>\p{Lu}[\p{L}&.']*(?: \p{Lu}[\p{L}&.']*){0,3})\)\s*[-–—]+\s*")]
    private static partial Regex AgencyMarker();

    // Leading notes: "(This Nov. 1 story refiles ...)" or "((This ... ))"; they hold no parentheses of their own.
    [GeneratedRegex(@"^\s*(?:\(+[^()]*\)+\s*)+")]
    private static partial Regex LeadingNotes();

    // One place: capital words ("NEW YORK", "ST. LOUIS", "Berlin"), then ", Region" parts ("Morocco", "Calif.",
    // "Democratic Republic of Congo").
    private const string City = @"\p{Lu}[\p{L}.'’-]*(?: (?:(?:of|and|de|del|da|do|du|la|el|al|the) )?\p{Lu}[\p{L}.'’-]*)*";
    private const string Places = City + @"(?:, ?" + City + @")*,?(?: ?/ ?" + City + @"(?:, ?" + City + @")*,?)*";

    [GeneratedRegex("^" + Places + "$")]
    private static partial Regex WholePlace();

    // A place that ends a byline must open in capitals ("Massalatchi NIAMEY"): the names before it are mixed case.
    private const string ShoutedCity = @"\p{Lu}[\p{Lu}.'’-]+(?: [\p{Lu}.'’-]+)*";
    private const string ShoutedPlaces = ShoutedCity + @"(?:, ?" + City + @")*,?(?: ?/ ?" + ShoutedCity + @"(?:, ?" + City + @")*,?)*";

    [GeneratedRegex(@"(?:^|\s)(?<place>" + ShoutedPlaces + ")$")]
    private static partial Regex TrailingPlace();

    // A byline's names: "Tim Cocks and Abdoulaye Massalatchi", "A, B and C"; no digits or parentheses.
    [GeneratedRegex(@"^By (?<author>\p{Lu}[\p{L}.'’ ,&-]{1,120})$")]
    private static partial Regex Byline();

    public static Dateline? Parse(string text)
    {
        var window = text.Length > SearchWindow ? text[..SearchWindow] : text;
        var marker = AgencyMarker().Match(window);
        if (!marker.Success) return null;

        var head = window[..marker.Index];
        var notes = LeadingNotes().Match(head);
        var afterNotes = head[(notes.Success ? notes.Length : 0)..];
        var before = afterNotes.Trim();
        var beforeStart = (notes.Success ? notes.Length : 0) + (afterNotes.Length - afterNotes.TrimStart().Length);
        var agency = marker.Groups["agency"].Value;
        var leadStart = marker.Index + marker.Length;

        if (before.Length == 0) return new Dateline(null, agency, null, leadStart);
        var isByline = before.StartsWith("By ", StringComparison.Ordinal);
        if (!isByline && WholePlace().IsMatch(before)) return new Dateline(TitleCase(before), agency, null, leadStart) { PlaceStart = beforeStart };

        // A byline, or a stray line ("Scroll down for a graphic."), ends in a capitalised place or in the names.
        var trailing = TrailingPlace().Match(before);
        if (!trailing.Success && !isByline) return null;
        var place = trailing.Success ? TitleCase(trailing.Groups["place"].Value) : null;
        var byline = isByline ? Byline().Match(trailing.Success ? before[..trailing.Groups["place"].Index].Trim() : before) : Match.Empty;
        if (place is null && !byline.Success) return null;
        return new Dateline(place, agency, byline.Success ? byline.Groups["author"].Value.Trim() : null, leadStart)
        {
            PlaceStart = place is null ? null : beforeStart + trailing.Groups["place"].Index,
        };
    }

    /// <summary>"MARRAKESH, Morocco/CHICAGO," becomes "Marrakesh, Morocco/Chicago"; dotted initials ("D.C.") stay.</summary>
    private static string TitleCase(string place)
    {
        var trimmed = place.Trim().TrimEnd(',').Trim();
        return Word().Replace(trimmed, m => m.Value.Any(char.IsLower) || IsInitials(m.Value)
            ? m.Value
            : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(m.Value.ToLowerInvariant()));
    }

    private static bool IsInitials(string word) => word.Length >= 2 && word.Where((_, i) => i % 2 == 1).All(c => c == '.');

    [GeneratedRegex(@"[\p{L}.'’]+")]
    private static partial Regex Word();
}
