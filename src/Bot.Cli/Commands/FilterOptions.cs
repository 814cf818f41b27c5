using System.CommandLine;
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

    public SearchFilter Read(ParseResult parse) =>
        SearchFilterText.Parse(parse.GetValue(From), parse.GetValue(To), parse.GetValue(Source), parse.GetValue(Tags));
}
