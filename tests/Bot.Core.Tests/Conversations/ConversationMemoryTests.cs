using Bot.Core.Answering;
using Bot.Core.Conversations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.Conversations;

/// <summary>
/// The follow-up memory past its bound: the load benchmark found that once it held MaxConversations, new
/// conversations were not remembered at all (the cache refused them and compacted later), so their
/// follow-ups were answered without their history. Beyond the bound the least recently used go first.
/// </summary>
public sealed class ConversationMemoryTests
{
    private static ConversationTurn Turn(string question) => new(question, "an answer");

    [Fact]
    public void Past_its_bound_it_forgets_the_least_recently_used_and_remembers_every_new_conversation()
    {
        var memory = new ConversationMemory(Options.Create(new ConversationOptions { MaxConversations = 3 }));

        for (var i = 0; i < 10; i++)
        {
            memory.Remember($"c{i}", Turn($"question {i}"));
            Assert.Equal($"question {i}", Assert.Single(memory.Recent($"c{i}")).Question);
        }
        memory.Recent("c7"); // used again: now the most recent
        memory.Remember("c10", Turn("question 10"));

        Assert.Empty(memory.Recent("c8"));
        Assert.Empty(memory.Recent("c0"));
        Assert.Single(memory.Recent("c7"));
        Assert.Single(memory.Recent("c9"));
        Assert.Single(memory.Recent("c10"));
    }

    [Fact]
    public void It_keeps_the_last_turns_of_a_conversation_and_forgets_an_idle_one()
    {
        var time = new FakeTimeProvider();
        var memory = new ConversationMemory(Options.Create(new ConversationOptions { MaxTurns = 2, IdleExpiry = TimeSpan.FromMinutes(30) }), time);

        foreach (var question in new[] { "one", "two", "three" }) memory.Remember("c", Turn(question));
        Assert.Equal(["two", "three"], memory.Recent("c").Select(t => t.Question));

        time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(2, memory.Recent("c").Count);
        time.Advance(TimeSpan.FromMinutes(31));
        Assert.Empty(memory.Recent("c"));
    }
}
