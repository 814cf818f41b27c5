using Bot.Core.Articles;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Setup;
using Bot.Storage.Qdrant.Writing;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Bot.Storage.Qdrant.Reading;

/// <summary>
/// Reads one article: its article point, and when that point holds only the gaps of the text (<see cref="ArticleText"/>),
/// the text of the chunks that carry the same fingerprint. Article points written before that layout hold the full text.
/// </summary>
internal sealed class ArticleReader(QdrantCalls calls, QdrantOptions options)
{
    public async Task<Article?> ReadAsync(string id, CancellationToken ct)
    {
        var points = await calls.RunAsync("read an article", (c, t) => c.RetrieveAsync(options.Collection,
            [PointIds.Of(PointIds.ForArticle(id))], PayloadKeys.Article, false, cancellationToken: t), ct);
        if (points.Count == 0) return null;
        var payload = points[0].Payload;
        return PayloadReader.Article(payload, PayloadReader.OptionalText(payload, PayloadKeys.Text) ?? await AssembleAsync(id, payload, ct));
    }

    private async Task<string> AssembleAsync(string id, MapField<string, Value> article, CancellationToken ct)
    {
        var length = PayloadReader.RequiredNumber(article, PayloadKeys.TextLength);
        var pieces = PayloadReader.TextGaps(article);
        var chunks = FilterBuilder.All([FilterBuilder.Kind(PointKinds.Chunk), MatchKeyword(PayloadKeys.ArticleId, id),
            MatchKeyword(PayloadKeys.Fingerprint, PayloadReader.RequiredText(article, PayloadKeys.Fingerprint))]);
        foreach (var chunk in await calls.ScrollAllAsync("read an article's chunks", options.Collection, chunks, PayloadKeys.ChunkText, ct))
            pieces.Add((PayloadReader.RequiredNumber(chunk.Payload, PayloadKeys.Start), PayloadReader.RequiredText(chunk.Payload, PayloadKeys.Text)));
        // Chunks of another version replace these in place while a save is in flight or after one was interrupted.
        return ArticleText.Assemble(length, pieces) ?? throw new ArchiveException(
            $"Article '{id}' is being saved, or its last save was interrupted: its chunks in Qdrant do not make up its text. "
            + "Try again; running ingest again repairs an interrupted save.");
    }
}
