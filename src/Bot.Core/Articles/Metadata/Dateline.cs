namespace Bot.Core.Articles.Metadata;

/// <summary>
/// What a wire story's opening says: "(refile note) By AUTHOR PLACE (AGENCY) - lead ...".
/// </summary>
/// <param name="Place">Where the story was filed, title-cased ("Niamey", "Marrakesh, Morocco/Chicago"); null if absent.</param>
/// <param name="Agency">The agency in parentheses ("Reuters").</param>
/// <param name="Author">The byline's names without "By"; null if there is no byline.</param>
/// <param name="LeadStart">Offset in the text where the lead sentence begins, after the dash.</param>
public sealed record Dateline(string? Place, string Agency, string? Author, int LeadStart)
{
    /// <summary>Offset in the text where the place is written, as written ("NIAMEY"); null without a place.</summary>
    public int? PlaceStart { get; init; }
}
