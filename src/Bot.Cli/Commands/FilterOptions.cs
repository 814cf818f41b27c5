using System.CommandLine;
using Bot.Core.Articles.Metadata;
using Bot.Core.Retrieval;

namespace Bot.Cli.Commands;

/// <summary>--from/--to/--source/--tag, shared by search and ask.</summary>
public sealed class FilterOptions
{
    public Option<string?> From { get; } = new("--from") { Description = "Only articles published on or after this date" };
    public Option<string?> To { get; } = new("--to") { Description = "Only articles published on or before this date (inclusive)" };
    public Option<string?> Source { get; } = new("--source") { Description = "Only articles from this source, e.g. Reuters" };
    public Option<string[]> Tags { get; } = new("--tag") { Description = "Only articles with this tag or subject (repeatable)" };

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(Source);
        command.Options.Add(Tags);
    }

    public SearchFilter Read(ParseResult parse) => new()
    {
        From = Date(parse.GetValue(From), "--from"),
        // A plain date means the whole day.
        To = Date(parse.GetValue(To), "--to")?.AddDays(1).AddTicks(-1),
        Source = parse.GetValue(Source),
        Tags = (parse.GetValue(Tags) ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToList(),
    };

    private static DateTimeOffset? Date(string? value, string option) => value is null
        ? null
        : PublishedDateParser.Parse(value) ?? throw new ArgumentException($"{option}: '{value}' is not a date (try 2017-11-01).");
}
