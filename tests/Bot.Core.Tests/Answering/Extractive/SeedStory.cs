using Bot.Core.Analysis;
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

    public static readonly IReadOnlyList<Chunk> Chunks = new Chunker(Options.Create(new ChunkingOptions())).Chunk(Article);

    /// <summary>
    /// Every chunk as a passage, ranked the way lexical retrieval would: by how many of the question's terms the
    /// chunk (with its title line) shares.
    /// </summary>
    public static IReadOnlyList<Passage> PassagesFor(string question)
    {
        var terms = TextAnalyzer.Terms(question).ToHashSet(StringComparer.Ordinal);
        return Chunks.Select(chunk => new Passage(chunk, Article.Summary(), TextAnalyzer.Terms(chunk.IndexText).Count(terms.Contains)))
            .OrderByDescending(p => p.Score).ToList();
    }

    public static ExtractiveAnswerer Answerer(ExtractiveOptions? options = null) =>
        new(Options.Create(options ?? new ExtractiveOptions()), NullLogger<ExtractiveAnswerer>.Instance);

    public static Task<(List<AnswerDelta> Deltas, List<AnswerFinal> Finals, List<AnswerUpdate> All)> AskAsync(
        string question, IReadOnlyList<Passage>? passages = null, ExtractiveOptions? options = null) =>
        AskAsync(new AnswerContext(question, passages ?? PassagesFor(question), []), options);

    public static async Task<(List<AnswerDelta> Deltas, List<AnswerFinal> Finals, List<AnswerUpdate> All)> AskAsync(
        AnswerContext context, ExtractiveOptions? options = null)
    {
        var all = new List<AnswerUpdate>();
        await foreach (var update in Answerer(options).AnswerAsync(context, TestContext.Current.CancellationToken))
            all.Add(update);
        return (all.OfType<AnswerDelta>().ToList(), all.OfType<AnswerFinal>().ToList(), all);
    }

    public static async Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage>? passages = null, ExtractiveOptions? options = null) =>
        Assert.Single((await AskAsync(question, passages, options)).Finals).Answer;

    public static async Task<Answer> AnswerAsync(AnswerContext context, ExtractiveOptions? options = null) =>
        Assert.Single((await AskAsync(context, options)).Finals).Answer;

    /// <summary>Read and normalised as ingest does: sidecar metadata, apostrophe repair, title from the lead.</summary>
    private static Article Load()
    {
        using var fetcher = new Bot.Core.Fetching.WebFetcher(Options.Create(new ArticleLimits()), Options.Create(new Bot.Core.Fetching.FetchOptions()));
        var reader = new ArticleSourceReader(fetcher, Options.Create(new ArticleLimits()));
        var path = Path.Combine(SharedData.RepositoryRoot, "seeds", "niger-drones-reuters.txt");
        var draft = Assert.IsType<ArticleDraft>(Assert.Single(reader.ReadAsync(path).ToBlockingEnumerable()));
        return ArticleNormalizer.Normalize(draft).Article ?? throw new InvalidOperationException("The seed story did not normalise.");
    }
}
