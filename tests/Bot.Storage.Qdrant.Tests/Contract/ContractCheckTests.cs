using Bot.Testing.Qdrant;
using Google.Protobuf;
using Qdrant.Client.Grpc;

namespace Bot.Storage.Qdrant.Tests.Contract;

/// <summary>The contract check itself: it must pass what Qdrant 1.19 understands and flag what it would not.</summary>
public sealed class ContractCheckTests
{
    private static QdrantContract Contract => QdrantContract.Load();

    private static IReadOnlyList<string> Check(string rpc, IMessage request) =>
        Contract.CheckRequest(rpc, request.Descriptor.FullName, request.ToByteArray());

    [Fact]
    public void A_request_of_1_19_fields_passes()
    {
        var count = new CountPoints
        {
            CollectionName = "news",
            Exact = true,
            Filter = new Filter { Must = { Conditions.MatchKeyword("kind", "chunk"), Conditions.DatetimeRange("published", gte: DateTime.UnixEpoch) } },
        };
        Assert.Empty(Check("qdrant.Points/Count", count));
    }

    [Fact]
    public void A_field_that_1_19_does_not_define_fails_even_deep_inside_a_filter()
    {
        // Match.substring arrived in 1.20: a 1.19 server would not know it.
        var count = new CountPoints { CollectionName = "news", Filter = new Filter { Must = { new Condition { Field = new FieldCondition { Key = "title", Match = new Match { Substring = "dro" } } } } } };
        var problem = Assert.Single(Check("qdrant.Points/Count", count));
        Assert.Contains("qdrant.Match", problem);
        Assert.Contains("filter.must.field.match", problem);
    }

    [Fact]
    public void An_enum_value_that_1_19_does_not_define_fails()
    {
        var index = new CreateFieldIndexCollection { CollectionName = "news", FieldName = "kind", FieldType = (FieldType)42 };
        Assert.Contains(Check("qdrant.Points/CreateFieldIndex", index), p => p.Contains("42 is not a value of Qdrant 1.19's qdrant.FieldType"));
    }

    [Fact]
    public void An_rpc_that_1_19_does_not_serve_fails()
    {
        Assert.Contains(Check("qdrant.Collections/Truncate", new CollectionExistsRequest()), p => p.Contains("no such rpc"));
        Assert.Contains(Check("qdrant.Collections/CreateVectorName", new CreateVectorNameRequest()), p => p.Contains("no such rpc")); // it is a Points rpc
        Assert.Empty(Check("qdrant.Points/CreateVectorName", new CreateVectorNameRequest { CollectionName = "news" }));
    }

    [Fact]
    public void A_field_sent_with_the_wrong_wire_type_or_as_the_wrong_message_fails()
    {
        var varintCollectionName = new byte[] { 0x08, 0x01 }; // field 1 (collection_name, a string) as a varint
        Assert.Contains(Contract.CheckRequest("qdrant.Points/Count", "qdrant.CountPoints", varintCollectionName), p => p.Contains("wire type"));
        Assert.Contains(Check("qdrant.Points/Count", new ScrollPoints()), p => p.Contains("takes qdrant.CountPoints"));
    }

    [Fact]
    public void Answers_are_walked_against_the_rpcs_output_type()
    {
        var info = new GetCollectionInfoResponse { Result = new CollectionInfo { Status = CollectionStatus.Green } };
        Assert.Empty(Contract.CheckAnswer("qdrant.Collections/Get", GetCollectionInfoResponse.Descriptor.FullName, info.ToByteArray()));
        info.Result.CreatedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow); // Qdrant.Client 1.20 knows it, 1.19 does not
        Assert.Contains(Contract.CheckAnswer("qdrant.Collections/Get", GetCollectionInfoResponse.Descriptor.FullName, info.ToByteArray()), p => p.Contains("qdrant.CollectionInfo"));
    }
}
