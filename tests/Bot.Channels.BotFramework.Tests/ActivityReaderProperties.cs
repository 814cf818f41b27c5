using System.Text;
using System.Text.Json.Nodes;
using Bot.Channels.BotFramework.FeedbackLoop;
using Bot.Channels.BotFramework.Inbound;
using Bot.Channels.BotFramework.Schema;
using Bot.Channels.BotFramework.Tests.Fakes;
using Bot.Channels.BotFramework.Turns;
using Bot.Testing.Hostile;
using CsCheck;

namespace Bot.Channels.BotFramework.Tests;

/// <summary>
/// The Activity JSON reader under generated bodies: it gives an activity with every field the bot needs, or a
/// problem saying what is wrong, never an exception; and what the bot then reads from an accepted activity
/// (its question, mentions, feedback) never throws either.
/// </summary>
public sealed class ActivityReaderProperties
{
    private static readonly string[] Fragments =
        ["{", "}", "[", "]", "\"", ":", ",", "\\", "\\ud800", "\\udc00", "null", "1e999", "\"type\":", "\"message\"", "\"invoke\"", "\"entities\":[", "\"value\":{"];

    private static readonly Gen<JsonObject> Messages = Gen.Select(
        HostileText.Text(30), HostileText.Text(4), Gen.OneOf("message", "invoke", "conversationUpdate", "typing", "event", ""),
        Gen.OneOf(true, false), HostileText.Text(6),
        (text, name, type, feedback, comment) =>
        {
            var activity = Activities.TeamsMessage("https://smba.trafficmanager.net/emea/", text, "groupChat", entities: Activities.Mention(Activities.BotId, name));
            activity["type"] = type;
            if (feedback)
            {
                activity["name"] = "message/submitAction";
                activity["replyToId"] = "activity-1";
                activity["value"] = new JsonObject
                {
                    ["actionName"] = "feedback",
                    ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = comment },
                };
            }
            return activity;
        });

    /// <summary>Strings the serializer cannot write: an unpaired surrogate escape placed in a field read as raw JSON.</summary>
    private static readonly Gen<byte[]> LoneSurrogates = Gen.Select(Messages, Gen.OneOf("text", "mentioned", "feedback", "reaction", "actionName"), (activity, field) =>
    {
        const string Marker = "@@lone@@";
        switch (field)
        {
            case "mentioned": activity["entities"]![0]!["mentioned"]!["id"] = Marker; break;
            case "text": activity["entities"]![0]!["text"] = Marker; break;
            default:
                activity["name"] = "message/submitAction";
                activity["replyToId"] = "activity-1";
                activity["value"] = new JsonObject
                {
                    ["actionName"] = field == "actionName" ? Marker : "feedback",
                    ["actionValue"] = new JsonObject { ["reaction"] = field == "reaction" ? Marker : "like", ["feedback"] = Marker },
                };
                break;
        }
        return Encoding.UTF8.GetBytes(activity.ToJsonString().Replace(Marker, "\\ud800 lone", StringComparison.Ordinal));
    });

    private static readonly Gen<byte[]> Bodies = Gen.Frequency(
        (3, Mutations.Of(Messages.Select(m => Encoding.UTF8.GetBytes(m.ToJsonString())), Fragments)),
        (1, LoneSurrogates));

    [Fact]
    public void Any_body_gives_an_activity_or_a_problem_and_reading_it_never_throws()
    {
        Bodies.Sample(body =>
        {
            var read = ActivityReader.ReadAsync(new MemoryStream(body), CancellationToken.None).GetAwaiter().GetResult();

            Assert.True(read.Activity is null != read.Problem is null, "exactly one of activity and problem");
            if (read.Activity is not { } activity)
            {
                Assert.False(string.IsNullOrWhiteSpace(read.Problem));
                return;
            }
            Assert.Empty(ActivityReader.MissingFields(activity));
            _ = QuestionText.IsAddressedToBot(activity);
            _ = QuestionText.Of(activity);
            if (FeedbackInvoke.IsFeedback(activity))
            {
                var feedback = FeedbackInvoke.Read(activity, DateTimeOffset.UtcNow);
                Assert.True(feedback.Feedback is null != feedback.Problem is null);
            }
        }, iter: PropertyRuns.Iterations(3000), print: Mutations.Preview);
    }

    [Fact]
    public void A_well_formed_message_keeps_its_text()
    {
        Messages.Where(m => (string?)m["type"] == "message").Sample(message =>
        {
            var read = ActivityReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(message.ToJsonString())), CancellationToken.None).GetAwaiter().GetResult();

            Assert.Equal(Utf8RoundTrip((string)message["text"]!), read.Activity?.Text);
        }, iter: PropertyRuns.Iterations(1000));
    }

    private static string Utf8RoundTrip(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
