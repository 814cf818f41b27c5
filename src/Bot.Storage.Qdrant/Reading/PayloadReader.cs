using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Protocol;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>Turns stored payloads back into domain records; a point the adapter did not write is reported, not guessed.</summary>
internal static class PayloadReader
{
    public static ArticleSummary Summary(PointPayload? p) =>
        new(Required(p?.ArticleId, PayloadKeys.ArticleId), p!.Title ?? "", p.Published, p.Source, p.Url,
            p.Tags ?? [], p.ChunkCount ?? 0);

    public static Article Article(PointPayload? p) => new()
    {
        Id = Required(p?.ArticleId, PayloadKeys.ArticleId),
        Title = p!.Title ?? "",
        Text = Required(p.Text, PayloadKeys.Text),
        Published = p.Published,
        Source = p.Source,
        Url = p.Url,
        Author = p.Author,
        Place = p.Place,
        Tags = p.Tags ?? [],
        Fingerprint = Required(p.Fingerprint, PayloadKeys.Fingerprint),
    };

    public static string ArticleId(string? articleId) => Required(articleId, PayloadKeys.ArticleId);

    public static Passage Passage(PointPayload? p, double score)
    {
        var chunk = new Chunk(
            Required(p?.ChunkId, PayloadKeys.ChunkId),
            Required(p!.ArticleId, PayloadKeys.ArticleId),
            Required(p.Ordinal, PayloadKeys.Ordinal),
            Required(p.Start, PayloadKeys.Start),
            Required(p.End, PayloadKeys.End),
            Required(p.Text, PayloadKeys.Text))
        { Context = p.Context ?? "", Page = p.Page };
        return new Passage(chunk, Summary(p), score);
    }

    private static T Required<T>(T? value, string key) where T : class =>
        value ?? throw new ArchiveException($"A Qdrant point lacks the payload field '{key}': the collection holds points this store did not write.");

    private static T Required<T>(T? value, string key) where T : struct =>
        value ?? throw new ArchiveException($"A Qdrant point lacks the payload field '{key}': the collection holds points this store did not write.");
}
