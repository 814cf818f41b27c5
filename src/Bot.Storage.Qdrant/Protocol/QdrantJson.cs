using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Storage.Qdrant.Protocol;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateCollection))]
[JsonSerializable(typeof(CreateFieldIndex))]
[JsonSerializable(typeof(PointsList))]
[JsonSerializable(typeof(FilterSelector))]
[JsonSerializable(typeof(PointRequest))]
[JsonSerializable(typeof(ScrollRequest))]
[JsonSerializable(typeof(CountRequest))]
[JsonSerializable(typeof(QueryRequest))]
[JsonSerializable(typeof(QueryRequestBatch))]
[JsonSerializable(typeof(QueryGroupsRequest))]
[JsonSerializable(typeof(Envelope<bool>))]
[JsonSerializable(typeof(Envelope<CollectionExistence>))]
[JsonSerializable(typeof(Envelope<CollectionInfo>))]
[JsonSerializable(typeof(Envelope<UpdateResult>))]
[JsonSerializable(typeof(Envelope<List<Record>>))]
[JsonSerializable(typeof(Envelope<ScrollResult>))]
[JsonSerializable(typeof(Envelope<CountResult>))]
[JsonSerializable(typeof(Envelope<QueryResponse>))]
[JsonSerializable(typeof(Envelope<List<CandidateList>>))]
[JsonSerializable(typeof(Envelope<GroupsResult>))]
[JsonSerializable(typeof(Envelope<JsonElement>))]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(VectorParams))]
internal sealed partial class QdrantJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the adapter uses: article text goes out as raw UTF-8 (the default encoder would
    /// escape every non-ASCII letter and inflate bodies six-fold); nothing here is embedded in HTML.
    /// </summary>
    public static QdrantJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
