using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;

namespace Bot.Answering.SemanticKernel.Tests.Support;

/// <summary>Small wire stories cut into chunks of whole sentences (with the real sentence splitter) and turned into passages.</summary>
public static class NewsFixture
{
    public static readonly Article Niger = Article("niger-1", "U.S. soldiers killed in Niger ambush", new(2017, 10, 5),
        "NIAMEY (Reuters) - Four U.S. soldiers were killed in an ambush in Niger on Oct. 4. " +
        "The patrol was attacked by about 50 militants near the village of Tongo Tongo. " +
        "The Pentagon said an investigation was under way. " +
        "Officials said the troops had been on a reconnaissance mission with Nigerien forces.");

    public static readonly Article Senate = Article("senate-2", "Senate passes budget blueprint", new(2017, 10, 20),
        "WASHINGTON (Reuters) - The U.S. Senate narrowly approved a budget blueprint on Thursday. " +
        "The vote was 51 to 49. " +
        "The measure clears the way for a tax overhaul without Democratic support.");

    public static readonly Article Drones = Article("drones-3", "Niger asks U.S. to arm drones", new(2017, 11, 1),
        "Niger has asked the United States to start using armed drones against jihadist groups. " +
        "Defence Minister Kalla Mountari said the request was made weeks before the ambush.");

    public static readonly IReadOnlyList<Article> All = [Niger, Senate, Drones];

    public static Article Article(string id, string title, DateOnly published, string text) => new()
    {
        Id = id,
        Title = title,
        Text = text,
        Published = new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        Source = "Reuters",
        Url = $"https://example.org/{id}",
        Fingerprint = id,
    };

    /// <summary>The article in chunks of <paramref name="sentencesPerChunk"/> sentences, offsets exact.</summary>
    public static IReadOnlyList<Chunk> Chunks(Article article, int sentencesPerChunk = 2)
    {
        var sentences = SentenceSplitter.Split(article.Text);
        return sentences.Chunk(sentencesPerChunk).Select((group, ordinal) =>
        {
            var (start, end) = (group[0].Start, group[^1].End);
            return new Chunk(Chunk.MakeId(article.Id, ordinal), article.Id, ordinal, start, end, article.Text[start..end]);
        }).ToList();
    }

    /// <summary>Passages in the given order, scored so the first is best.</summary>
    public static IReadOnlyList<Passage> Ranked(params Chunk[] chunks) =>
        chunks.Select((chunk, i) => new Passage(chunk, ArticleOf(chunk.ArticleId).Summary(), 1.0 - i * 0.1)).ToList();

    public static Chunk ChunkOf(Article article, int ordinal, int sentencesPerChunk = 2) => Chunks(article, sentencesPerChunk)[ordinal];

    public static Article ArticleOf(string id) => All.Single(a => a.Id == id);
}
