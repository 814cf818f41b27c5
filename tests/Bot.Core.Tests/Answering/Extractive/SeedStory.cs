using Bot.Core.Answering;
using Bot.Core.Answering.Extractive;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Answering.Extractive;

/// <summary>The repository's seed story, chunked by the real chunker, every chunk offered as a passage.</summary>
internal static class SeedStory
{
    public static readonly Article Article = Load();

    public static readonly IReadOnlyList<Passage> Passages = new Chunker(Options.Create(new ChunkingOptions())).Chunk(Article)
        .Select((chunk, i) => new Passage(chunk, Article.Summary(), 10.0 - i)).ToList();

    public static ExtractiveAnswerer Answerer(ExtractiveOptions? options = null) =>
        new(Options.Create(options ?? new ExtractiveOptions()), NullLogger<ExtractiveAnswerer>.Instance);

    public static async Task<(List<AnswerDelta> Deltas, List<AnswerFinal> Finals, List<AnswerUpdate> All)> AskAsync(
        string question, IReadOnlyList<Passage>? passages = null, ExtractiveOptions? options = null)
    {
        var all = new List<AnswerUpdate>();
        await foreach (var update in Answerer(options).AnswerAsync(new AnswerContext(question, passages ?? Passages, []), TestContext.Current.CancellationToken))
            all.Add(update);
        return (all.OfType<AnswerDelta>().ToList(), all.OfType<AnswerFinal>().ToList(), all);
    }

    public static async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage>? passages = null, ExtractiveOptions? options = null) =>
        Assert.Single((await AskAsync(question, passages, options)).Finals).Answer;

    private static Article Load()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "seeds", "niger-drones-reuters.txt")).Trim();
        return new Article
        {
            Id = "seed-niger",
            Title = "Niger asks U.S. to arm drones",
            Text = text,
            Published = new DateTimeOffset(2017, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Source = "Reuters",
            Fingerprint = "seed",
        };
    }
}
