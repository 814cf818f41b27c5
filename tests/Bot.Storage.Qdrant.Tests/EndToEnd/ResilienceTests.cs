using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;

namespace Bot.Storage.Qdrant.Tests.EndToEnd;

/// <summary>Failures over real HTTP: retries, waits, and the messages a user gets when it cannot work.</summary>
public sealed class ResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_503_is_retried_after_a_backoff()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var time = new InstantTimeProvider();
        var store = TestStores.Create(server.Url, time: time);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        server.Inject("/points", new Fault(Status: 503, Message: "overloaded"));
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);

        Assert.NotNull(await store.GetArticleAsync(SampleArchive.Drones.Id, Ct));
        var delay = Assert.Single(time.Delays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(8), TimeSpan.FromMilliseconds(12)); // 10 ms base ± 20% jitter
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task A_429_waits_as_long_as_Retry_After_says_capped_by_the_maximum()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var time = new InstantTimeProvider();
        var store = TestStores.Create(server.Url, o => o.MaxRetryDelay = TimeSpan.FromSeconds(30), time);
        await store.InitializeAsync(null, Ct);
        server.Inject("/points/count", new Fault(Status: 429, RetryAfter: "7", Message: "rate limit"));
        server.Inject("/points/count", new Fault(Status: 429, RetryAfter: "3600", Message: "rate limit"));
        await store.DeleteArticleAsync("nothing", Ct);

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30)], time.Delays);
        Assert.Equal(3, server.RequestsTo("POST", "/points/count").Count());
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        // Long enough that the retry itself never times out on a busy machine.
        var store = TestStores.Create(server.Url, o => o.Timeout = TimeSpan.FromSeconds(2));
        await store.InitializeAsync(null, Ct);
        server.Inject("/points/count", new Fault(Delay: TimeSpan.FromSeconds(20)));
        Assert.False(await store.DeleteArticleAsync("nothing", Ct));
        Assert.Equal(2, server.RequestsTo("POST", "/points/count").Count());
    }

    [Fact]
    public async Task Timeouts_that_persist_end_in_a_clear_error()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url, o => { o.Timeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 1; });
        await store.InitializeAsync(null, Ct);
        server.Inject("/points/count", new Fault(Delay: TimeSpan.FromSeconds(20)), times: 2);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.DeleteArticleAsync("nothing", Ct));
        Assert.Contains("did not answer POST /collections/news/points/count within 0.2 s (2 attempt(s))", error.Message);
    }

    [Fact]
    public async Task A_closed_port_is_retried_then_reported_as_unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var time = new InstantTimeProvider();
        var store = TestStores.Create(new Uri($"http://127.0.0.1:{port}"), o => o.MaxRetries = 2, time);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.InitializeAsync(null, Ct));
        Assert.Contains($"Qdrant is unreachable at http://127.0.0.1:{port}/", error.Message);
        Assert.Contains("3 attempt(s)", error.Message);
        Assert.Contains("Qdrant:Url", error.Message);
        Assert.Equal(2, time.Delays.Count);
    }

    // The web host's health check reads GetStatsAsync: whatever goes wrong must come out as one clear ArchiveException.

    [Fact]
    public async Task An_answer_broken_off_mid_body_is_retried()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        server.Inject("/points/count", new Fault(BreakOff: true));

        Assert.Equal(1, (await store.GetStatsAsync(Ct)).Articles);
        Assert.Equal(4, server.RequestsTo("POST", "/points/count").Count()); // articles (twice), chunks, chunks with vectors
    }

    [Fact]
    public async Task Answers_that_keep_breaking_off_end_in_a_clear_error()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url, o => o.MaxRetries = 1);
        await store.InitializeAsync(null, Ct);
        server.Inject("/collections/news", new Fault(BreakOff: true), times: 2);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.GetStatsAsync(Ct));
        Assert.Contains($"Qdrant at {server.Url} broke off its answer to GET /collections/news (2 attempt(s))", error.Message);
    }

    [Fact]
    public async Task An_answer_that_stalls_mid_body_times_out()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url, o => { o.Timeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 0; });
        await store.InitializeAsync(null, Ct);
        server.Inject("/collections/news", new Fault(BreakOff: true, Delay: TimeSpan.FromSeconds(20)));

        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.GetStatsAsync(Ct));
        Assert.Contains("did not answer GET /collections/news within 0.3 s", error.Message);
    }

    [Fact]
    public async Task A_wrong_api_key_is_named_as_such()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load(), apiKey: "right-key");
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(server.Url, o => o.ApiKey = "wrong").InitializeAsync(null, Ct));
        Assert.Contains("HTTP 401", error.Message);
        Assert.Contains("Qdrant:ApiKey", error.Message);

        var mark = server.Requests.Count;
        await TestStores.Create(server.Url, o => o.ApiKey = "right-key").InitializeAsync(null, Ct);
        Assert.All(server.Requests.Skip(mark), r => Assert.Equal("right-key", r.ApiKey));
    }

    [Fact]
    public async Task A_server_older_than_1_10_is_refused()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        server.Engine.Version = "1.9.7";
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(server.Url).InitializeAsync(null, Ct));
        Assert.Contains("version 1.9.7", error.Message);
        Assert.Contains("1.10 or newer", error.Message);
        Assert.Null(server.Engine.Collection("news"));
    }

    [Fact]
    public async Task A_server_that_stays_unready_is_reported()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        server.Inject("/readyz", new Fault(Status: 503), times: 4);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(server.Url).InitializeAsync(null, Ct));
        Assert.Contains("not ready", error.Message);
    }

    [Fact]
    public async Task Server_errors_carry_qdrants_own_message()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        server.Inject("/points/query", new Fault(Status: 500, Message: "Service internal error: segment is broken"));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SearchAsync(SampleArchive.Query("drones", maxPerArticle: 0), Ct));
        Assert.Contains("HTTP 500", error.Message);
        Assert.Contains("segment is broken", error.Message);
    }

    [Fact]
    public async Task Reading_a_missing_collection_says_to_initialise()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var error = await Assert.ThrowsAsync<ArchiveException>(() => TestStores.Create(server.Url).GetStatsAsync(Ct));
        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("doesn't exist", error.Message);
        Assert.Contains("initialising", error.Message);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_an_error_or_retried()
    {
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load());
        var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        server.Inject("/points/count", new Fault(Delay: TimeSpan.FromSeconds(20)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var deleting = store.DeleteArticleAsync("x", cancel.Token);
        // Cancel once the request is in (not after a fixed time, which a busy machine may not reach it in).
        while (!server.RequestsTo("POST", "/points/count").Any() && !deleting.IsCompleted) await Task.Delay(10, Ct);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deleting);
        Assert.Single(server.RequestsTo("POST", "/points/count"));
    }

    [Fact]
    public async Task Https_works()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = FakeQdrantServer.Start(QdrantSpec.Load(), certificate);
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString() },
        };
        var url = new UriBuilder(server.Url) { Scheme = "https", Host = "localhost" }.Uri;
        var store = TestStores.Create(url, handler: handler);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var found = await store.SearchAsync(SampleArchive.Query("armed drones", SearchMode.Hybrid), Ct);
        Assert.Equal(SampleArchive.Drones.Id, found.First().Article.Id);
        Assert.StartsWith("qdrant https://localhost:", store.Description);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
