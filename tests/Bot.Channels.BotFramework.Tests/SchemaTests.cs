using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void Entities_serialize_their_type_beside_their_properties()
    {
        var activity = new Activity
        {
            Type = "typing",
            Entities = [new StreamInfo("stream-1", StreamInfo.Streaming, 2).ToEntity(), new MessageEntity(null).ToEntity()],
        };

        var json = JsonNode.Parse(BotFrameworkJson.Serialize(activity))!;

        var stream = json["entities"]![0]!;
        Assert.Equal("streaminfo", stream["type"]!.GetValue<string>());
        Assert.Equal("stream-1", stream["streamId"]!.GetValue<string>());
        Assert.Equal("streaming", stream["streamType"]!.GetValue<string>());
        Assert.Equal(2, stream["streamSequence"]!.GetValue<int>());
        Assert.Equal("Message", json["entities"]![1]!["@type"]!.GetValue<string>());
        Assert.Null(json["text"]);
    }

    [Fact]
    public void Mentions_are_read_from_incoming_entities()
    {
        var activity = JsonSerializer.Deserialize<Activity>(
            """{"type":"message","text":"<at>Bot</at> hi","entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"Bot"},"text":"<at>Bot</at>"},{"type":"clientInfo","locale":"en-US"}]}""",
            BotFrameworkJson.Options)!;

        var mention = Assert.Single(Mention.In(activity));
        Assert.Equal("28:bot", mention.MentionedId);
        Assert.Equal("<at>Bot</at>", mention.Text);
    }
}
