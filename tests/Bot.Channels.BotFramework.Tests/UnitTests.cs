using System.Net.Http.Headers;
using Bot.Channels.BotFramework.Connector;
using Bot.Channels.BotFramework.Inbound;
using Bot.Channels.BotFramework.Schema;
using Bot.Channels.BotFramework.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Channels.BotFramework.Tests;

public sealed class RecentKeysTests
{
    [Fact]
    public void Key_is_refused_within_the_window_and_accepted_after_it()
    {
        var time = new FakeTimeProvider();
        var keys = new RecentKeys(TimeSpan.FromMinutes(10), 100, time);

        Assert.True(keys.TryAdd("a"));
        Assert.False(keys.TryAdd("a"));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.True(keys.TryAdd("a"));
    }

    [Fact]
    public void Oldest_keys_are_forgotten_beyond_the_capacity()
    {
        var keys = new RecentKeys(TimeSpan.FromHours(1), 2, new FakeTimeProvider());
        Assert.True(keys.TryAdd("a"));
        Assert.True(keys.TryAdd("b"));
        Assert.True(keys.TryAdd("c"));
        Assert.True(keys.TryAdd("a"));
        Assert.False(keys.TryAdd("c"));
    }

    [Fact]
    public void Removed_key_is_accepted_again()
    {
        var keys = new RecentKeys(TimeSpan.FromHours(1), 10, new FakeTimeProvider());
        keys.TryAdd("a");
        keys.Remove("a");
        Assert.True(keys.TryAdd("a"));
    }
}

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static RetryingSender Sender() => new(Options.Create(new BotFrameworkOptions
    {
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    }), TimeProvider.System, NullLogger<RetryingSender>.Instance);

    [Fact]
    public void Retry_after_seconds_is_honoured() =>
        Assert.Equal(TimeSpan.FromSeconds(7), Sender().RetryDelay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), 1, Now));

    [Fact]
    public void Retry_after_date_is_honoured() =>
        Assert.Equal(TimeSpan.FromSeconds(12), Sender().RetryDelay(new RetryConditionHeaderValue(Now.AddSeconds(12)), 1, Now));

    [Fact]
    public void Retry_after_is_capped_and_never_negative()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Sender().RetryDelay(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), 1, Now));
        Assert.Equal(TimeSpan.Zero, Sender().RetryDelay(new RetryConditionHeaderValue(Now.AddSeconds(-5)), 1, Now));
    }

    [Fact]
    public void Without_retry_after_the_delay_doubles() =>
        Assert.Equal([1, 2, 4], new[] { 1, 2, 3 }.Select(a => Sender().RetryDelay(null, a, Now).TotalSeconds));

    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] steps) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(steps[Math.Min(Calls++, steps.Length - 1)]());
    }

    private static RetryingSender FastSender(int attempts) => new(Options.Create(new BotFrameworkOptions
    {
        MaxSendAttempts = attempts,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    }), TimeProvider.System, NullLogger<RetryingSender>.Instance);

    [Fact]
    public async Task Unreachable_service_ends_in_a_connector_exception_after_every_attempt()
    {
        var handler = new ScriptedHandler(() => throw new HttpRequestException("connection refused"));
        using var client = new HttpClient(handler);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            FastSender(3).SendAsync(client, () => new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/"), TestContext.Current.CancellationToken));

        Assert.Equal(3, handler.Calls);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Network_error_then_success_returns_the_success()
    {
        var handler = new ScriptedHandler(() => throw new HttpRequestException("reset"), () => new HttpResponseMessage(System.Net.HttpStatusCode.Created));
        using var client = new HttpClient(handler);

        using var response = await FastSender(3).SendAsync(client, () => new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Last_throttled_response_is_returned_to_the_caller()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests));
        using var client = new HttpClient(handler);

        using var response = await FastSender(2).SendAsync(client, () => new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9/"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(501, false)]
    public void Only_throttling_and_server_failures_are_retried(int status, bool retried) =>
        Assert.Equal(retried, RetryingSender.IsTransient((System.Net.HttpStatusCode)status));
}

public sealed class QuestionTextTests
{
    private static Activity Message(string text, string? conversationType, params Entity[] entities) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "c", ConversationType = conversationType },
        Entities = entities,
    };

    private static Entity MentionOf(string id, string name) =>
        Entity.Create(Mention.EntityType, new { mentioned = new { id, name }, text = $"<at>{name}</at>" });

    [Fact]
    public void Personal_chat_always_addresses_the_bot() =>
        Assert.True(QuestionText.IsAddressedToBot(Message("hi", "personal")));

    [Fact]
    public void Group_chat_addresses_the_bot_only_when_it_is_mentioned()
    {
        Assert.False(QuestionText.IsAddressedToBot(Message("hi", "groupChat")));
        Assert.False(QuestionText.IsAddressedToBot(Message("<at>Bob</at> hi", "channel", MentionOf("29:bob", "Bob"))));
        Assert.True(QuestionText.IsAddressedToBot(Message("<at>Bot</at> hi", "channel", MentionOf("28:bot", "Bot"))));
    }

    [Fact]
    public void Mentions_are_stripped_from_the_question() =>
        Assert.Equal("what about oil? and Bob",
            QuestionText.Of(Message("<at>News Bot</at>  what about\n oil? <at id=\"1\">x</at> and Bob", "channel", MentionOf("28:bot", "News Bot"))));
}
