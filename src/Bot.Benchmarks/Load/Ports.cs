using System.Globalization;
using System.Text.Json;

namespace Bot.Benchmarks.Load;

/// <summary>
/// Fifty invented ports, each in its own short story with its own container count and harbour master, so an
/// answer names the port it was asked about and a follow-up that drew on another conversation shows it.
/// </summary>
public static class Ports
{
    private static readonly string[] Starts = ["Ka", "Lo", "Mi", "Ne", "Ru"];
    private static readonly string[] Ends = ["tavo", "rinth", "maru", "dessa", "lupe", "gor", "vanti", "sel", "quor", "bek"];
    private static readonly string[] Masters = ["Amara", "Bastien", "Corvin", "Delphine", "Emeric"];

    public sealed record Port(string City, int Containers, string Master)
    {
        public string Title => $"Port of {City} reports a record year";
        public string Question => $"How many containers did the port of {City} handle?";
        public string ContainersText => Containers.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The follow-up only the conversation's own first question can resolve: its answer names the port's master.</summary>
    public const string FollowUp = "Who announced it?";

    public static IReadOnlyList<Port> All { get; } = Enumerable.Range(0, 50)
        .Select(i => new Port(Starts[i % 5] + Ends[i / 5], 1000 + 37 * i, $"{Masters[i % 5]} {Starts[i % 5]}{Ends[i / 5]}son"))
        .ToArray();

    /// <summary>The stories as one JSONL file, one article per port.</summary>
    public static string Jsonl() => string.Join('\n', All.Select((p, i) => JsonSerializer.Serialize(new
    {
        title = p.Title,
        published = $"2019-05-{i % 28 + 1:00}",
        source = "Harbour Wire",
        text = $"The port of {p.City} handled {p.Containers} containers last year, a record. " +
               $"Harbour master {p.Master} announced the figure on Monday. Officials expect further growth next year.",
    })));
}
