using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Storage.Qdrant.Protocol;

/// <summary>A search candidate as client-side fusion needs it: point id, score and article id.</summary>
[JsonConverter(typeof(CandidateConverter))]
internal readonly record struct Candidate(string Id, double Score, string? ArticleId);

/// <summary>One query's candidates in a <c>query/batch</c> answer.</summary>
internal sealed record CandidateList(IReadOnlyList<Candidate> Points);

/// <summary>
/// Reads a scored point straight off the reader, keeping three fields and skipping the rest: hundreds of
/// candidates arrive per hybrid search, and the general ScoredPoint path cost over a microsecond each.
/// </summary>
internal sealed class CandidateConverter : JsonConverter<Candidate>
{
    public override Candidate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, articleId = null;
        double? score = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = PointIdConverter.ReadId(ref reader); }
            else if (reader.ValueTextEquals("score"u8)) { reader.Read(); score = reader.GetDouble(); }
            else if (reader.ValueTextEquals("payload"u8)) { reader.Read(); articleId = ArticleId(ref reader); }
            else { reader.Read(); reader.Skip(); }
        }
        Expect(ref reader, JsonTokenType.EndObject);
        return new Candidate(id ?? throw new JsonException("A scored point has no id."),
            score ?? throw new JsonException("A scored point has no score."), articleId);
    }

    public override void Write(Utf8JsonWriter writer, Candidate value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Candidates are only read.");

    private static string? ArticleId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(ref reader, JsonTokenType.StartObject);
        string? articleId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var wanted = reader.ValueTextEquals("article_id"u8);
            reader.Read();
            if (wanted && reader.TokenType == JsonTokenType.String) articleId = reader.GetString();
            else reader.Skip();
        }
        return articleId;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token) throw new JsonException($"Expected {token} in a scored point, found {reader.TokenType}.");
    }
}
