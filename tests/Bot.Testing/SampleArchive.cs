using Bot.Core.Analysis;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;

namespace Bot.Testing;

/// <summary>
/// Small hand-made articles for store tests: one chunk per sentence with exact offsets, and a tiny
/// deterministic bag-of-words embedding so dense search has real neighbours.
/// </summary>
public static class SampleArchive
{
    public static readonly EmbeddingSpace Space = new("test-bow", 16);

    public static Article Article(string id, string title, string[] sentences, DateTimeOffset? published = null,
        string? source = "Reuters", string[]? tags = null, string? url = null) => new()
    {
        Id = id,
        Title = title,
        Text = string.Join(". ", sentences) + ".",
        Published = published,
        Source = source,
        Url = url,
        Tags = tags ?? [],
        Fingerprint = "fp-" + id + "-" + string.Join("|", sentences).GetHashCode(StringComparison.Ordinal).ToString("x8"),
    };

    public static IReadOnlyList<Chunk> Chunks(Article article)
    {
        var chunks = new List<Chunk>();
        var start = 0;
        foreach (var sentence in article.Text.Split(". ", StringSplitOptions.None))
        {
            var length = Math.Min(sentence.Length + 1, article.Text.Length - start);
            var text = article.Text.Substring(start, length).TrimEnd();
            chunks.Add(new Chunk(Chunk.MakeId(article.Id, chunks.Count), article.Id, chunks.Count, start, start + text.Length, text)
            {
                Context = article.Title,
            });
            start += sentence.Length + 2;
        }
        return chunks;
    }

    public static IndexedArticle Indexed(Article article, bool withVectors = true)
    {
        var chunks = Chunks(article);
        return new IndexedArticle(article, chunks.Select(c => new IndexedChunk(c, withVectors ? [Embed(c.Text)] : [])).ToList());
    }

    /// <summary>Hashes analysed terms into <see cref="Space"/>.Dimensions buckets and L2-normalises.</summary>
    public static ReadOnlyMemory<float> Embed(string text)
    {
        var vector = new float[Space.Dimensions];
        foreach (var term in TextAnalyzer.Terms(text))
            vector[(int)((uint)StableHash(term) % (uint)vector.Length)] += 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    public static SearchQuery Query(string text, SearchMode mode = SearchMode.Lexical, int top = 5, int maxPerArticle = 3,
        SearchFilter? filter = null) => new()
    {
        Text = text,
        Terms = TextAnalyzer.Terms(text),
        Vector = mode == SearchMode.Lexical ? null : Embed(text),
        Mode = mode,
        Top = top,
        MaxPerArticle = maxPerArticle,
        Filter = filter ?? SearchFilter.None,
    };

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var c in s) h = (h ^ c) * 16777619;
            return h;
        }
    }

    public static readonly Article Drones = Article("drones01", "Niger asks U.S. to arm drones", [
        "Niger has asked the United States to start using armed drones against jihadist groups",
        "The deaths shocked Americans, many of whom did not realize their country had a large presence in Africa's Sahel region",
        "Defence Minister Kalla Mountari said the request was made weeks ago",
    ], new DateTimeOffset(2017, 11, 1, 0, 0, 0, TimeSpan.Zero), tags: ["worldnews"]);

    public static readonly Article Coal = Article("coal0001", "Trump win boosts coal, hits renewable stocks", [
        "The prospect of a shift in climate policy lifted shares of mining equipment maker Caterpillar",
        "Renewable energy firms saw their shares slammed on Wednesday",
        "Railroads tied to coal also rose",
    ], new DateTimeOffset(2016, 11, 9, 0, 0, 0, TimeSpan.Zero), tags: ["politicsnews"]);

    public static readonly Article Brexit = Article("brexit01", "EU leaders discuss Brexit talks", [
        "European Union leaders met in Brussels to discuss the Brexit negotiations",
        "Britain's prime minister asked for more time",
        "Talks about trade will start next year",
    ], new DateTimeOffset(2017, 10, 20, 0, 0, 0, TimeSpan.Zero), source: "AP", tags: ["worldnews", "europe"]);
}
