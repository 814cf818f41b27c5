using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bot.Core.Retrieval;
using Bot.Storage.Qdrant.Connection;
using Bot.Storage.Qdrant.Tests.Support;
using Bot.Testing;
using Bot.Testing.Qdrant;
using Grpc.Core;

namespace Bot.Storage.Qdrant.Tests.EndToEnd;

/// <summary>Faults injected by the fake over real gRPC: each ends in a retry or a clear error, never a hang or a half-written article.</summary>
public sealed class ResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> RetryAfter(string seconds) => new() { ["retry-after"] = seconds };

    [Fact]
    public async Task Unavailable_is_retried_after_a_backoff()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        var time = new InstantTimeProvider();
        using var store = TestStores.Create(server.Url, time: time);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        server.Inject("Points/Upsert", new FakeFault(StatusCode.Unavailable, "overloaded"));
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);

        Assert.NotNull(await store.GetArticleAsync(SampleArchive.Drones.Id, Ct));
        var delay = Assert.Single(time.Delays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(8), TimeSpan.FromMilliseconds(12)); // 10 ms base ± 20% jitter
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task ResourceExhausted_waits_as_long_as_retry_after_says_capped_by_the_maximum()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        var time = new InstantTimeProvider();
        using var store = TestStores.Create(server.Url, o => o.MaxRetryDelay = TimeSpan.FromSeconds(30), time);
        await store.InitializeAsync(null, Ct);
        server.Inject("Points/Count", new FakeFault(StatusCode.ResourceExhausted, "Rate limiting exceeded", Trailers: RetryAfter("7")));
        server.Inject("Points/Count", new FakeFault(StatusCode.ResourceExhausted, "Rate limiting exceeded", Trailers: RetryAfter("3600")));
        Assert.False(await store.DeleteArticleAsync("nothing", Ct));

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(30)], time.Delays);
        Assert.Equal(3, server.CallsTo("Points/Count").Count());
    }

    [Fact]
    public async Task A_full_disk_is_not_retried_and_says_so()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        var time = new InstantTimeProvider();
        using var store = TestStores.Create(server.Url, time: time);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        server.Inject("Points/Upsert", new FakeFault(StatusCode.ResourceExhausted, "No space left on device",
            Trailers: new Dictionary<string, string> { ["qdrant-insufficient-storage"] = "1" }));

        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct));
        Assert.Contains("out of disk space", error.Message);
        Assert.Empty(time.Delays);
        Assert.Empty(await store.GetFingerprintsAsync([SampleArchive.Drones.Id], Ct)); // the article was never committed
    }

    [Fact]
    public async Task A_stalled_answer_past_the_deadline_is_retried()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        // Long enough that the retry itself never times out on a busy machine.
        using var store = TestStores.Create(server.Url, o => o.Timeout = TimeSpan.FromSeconds(2));
        await store.InitializeAsync(null, Ct);
        server.Inject("Points/Count", new FakeFault(Delay: TimeSpan.FromSeconds(20)));
        Assert.False(await store.DeleteArticleAsync("nothing", Ct));
        Assert.Equal(2, server.CallsTo("Points/Count").Count());
    }

    [Fact]
    public async Task Deadlines_that_keep_passing_end_in_a_clear_error()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url, o => { o.Timeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 1; });
        await store.InitializeAsync(null, Ct);
        server.Inject("Points/Count", new FakeFault(Delay: TimeSpan.FromSeconds(20)), times: 2);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.DeleteArticleAsync("nothing", Ct));
        Assert.Contains($"Qdrant at {server.Url} did not answer count points within 0.3 s (2 attempt(s))", error.Message);
    }

    [Fact]
    public async Task A_closed_port_is_retried_then_reported_as_unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var time = new InstantTimeProvider();
        using var store = TestStores.Create(new Uri($"http://127.0.0.1:{port}"), o => o.MaxRetries = 2, time);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.InitializeAsync(null, Ct));
        Assert.Contains($"Qdrant is unreachable at http://127.0.0.1:{port}/", error.Message);
        Assert.Contains("3 attempt(s)", error.Message);
        Assert.Contains("Qdrant:Url", error.Message);
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task A_connection_cut_mid_upload_is_retried_and_the_save_ends_as_a_clean_one_would()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url, o => o.BatchSize = 2);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        server.Inject("Points/Upsert", new FakeFault(CutConnection: true));
        server.Inject("Points/Delete", new FakeFault(CutConnection: true));
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones), SampleArchive.Indexed(SampleArchive.Coal)], Ct);

        Assert.Equal(1 + 2 * 4, server.Engine.Collection("news")!.Points.Count); // space point, 3 chunks + 1 article each, no duplicates
        Assert.Equal(2, (await store.GetFingerprintsAsync([SampleArchive.Drones.Id, SampleArchive.Coal.Id], Ct)).Count);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Connections_that_keep_being_cut_end_in_a_clear_error_without_a_half_written_article()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url, o => o.MaxRetries = 1);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        server.Inject("Points/Delete", new FakeFault(CutConnection: true), times: 2);

        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct));
        Assert.Contains($"Qdrant at {server.Url} broke off its answer to delete stale chunks (2 attempt(s))", error.Message);
        // The chunks are there but the article point, the commit marker, is not: the next ingest saves it again.
        Assert.Empty(await store.GetFingerprintsAsync([SampleArchive.Drones.Id], Ct));
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        Assert.Equivalent(SampleArchive.Drones, await store.GetArticleAsync(SampleArchive.Drones.Id, Ct), strict: true);
    }

    [Fact]
    public async Task A_wrong_api_key_is_named_as_such_and_the_right_one_goes_with_every_call()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load(), apiKey: "right-key");
        using var wrong = TestStores.Create(server.Url, o => o.ApiKey = "wrong");
        var error = await Assert.ThrowsAsync<ArchiveException>(() => wrong.InitializeAsync(null, Ct));
        Assert.Contains("the API key is missing or wrong", error.Message);
        Assert.Contains("Qdrant:ApiKey", error.Message);

        var mark = server.Calls.Count;
        using var right = TestStores.Create(server.Url, o => o.ApiKey = "right-key");
        await right.InitializeAsync(null, Ct);
        Assert.All(server.Calls.Skip(mark), c => Assert.Equal("right-key", c.ApiKey));
    }

    [Fact]
    public async Task A_server_older_than_1_10_is_refused()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        server.Engine.Version = "1.9.7";
        using var store = TestStores.Create(server.Url);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.InitializeAsync(null, Ct));
        Assert.Contains("version 1.9.7", error.Message);
        Assert.Contains("1.10 or newer", error.Message);
        Assert.Null(server.Engine.Collection("news"));
    }

    [Fact]
    public async Task Server_errors_carry_qdrants_own_message_and_are_not_retried()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        server.Inject("Points/Query", new FakeFault(StatusCode.Internal, "Service internal error: segment is broken"));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SearchAsync(SampleArchive.Query("drones", maxPerArticle: 0), Ct));
        Assert.Contains("(Internal)", error.Message);
        Assert.Contains("segment is broken", error.Message);
        Assert.Single(server.CallsTo("Points/Query"));
    }

    [Fact]
    public async Task Vectors_the_collection_does_not_take_are_named_as_a_misfit()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        server.Inject("Points/Upsert", new FakeFault(StatusCode.InvalidArgument, "Wrong input: Vector dimension error: expected dim: 16, got 5"));
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct));
        Assert.Contains("expected dim: 16, got 5", error.Message);
        Assert.Contains("do not fit the configured embedder", error.Message);
    }

    [Fact]
    public async Task Reading_an_unknown_collection_says_to_initialise()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => store.GetStatsAsync(Ct));
        Assert.Contains("Collection `news` doesn't exist", error.Message);
        Assert.Contains("initialising", error.Message);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_an_error_or_retried()
    {
        await using var server = FakeQdrantServer.Start(QdrantContract.Load());
        using var store = TestStores.Create(server.Url);
        await store.InitializeAsync(null, Ct);
        server.Inject("Points/Count", new FakeFault(Delay: TimeSpan.FromSeconds(20)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var deleting = store.DeleteArticleAsync("x", cancel.Token);
        // Cancel once the call is in (not after a fixed time, which a busy machine may not reach it in).
        while (!server.CallsTo("Points/Count").Any() && !deleting.IsCompleted) await Task.Delay(10, Ct);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deleting);
        Assert.Single(server.CallsTo("Points/Count"));
    }

    [Fact]
    public async Task Https_is_tls_over_the_same_pooled_handler()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = FakeQdrantServer.Start(QdrantContract.Load(), certificate);
        var url = new UriBuilder(server.Url) { Scheme = "https", Host = "localhost" }.Uri;
        var handler = QdrantConnection.CreateHandler(new QdrantOptions());
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString();
        using var store = TestStores.Create(url, handler: handler);
        await store.InitializeAsync(SampleArchive.Space, Ct);
        await store.SaveAsync([SampleArchive.Indexed(SampleArchive.Drones)], Ct);
        var found = await store.SearchAsync(SampleArchive.Query("armed drones", SearchMode.Hybrid), Ct);
        Assert.Equal(SampleArchive.Drones.Id, found.First().Article.Id);
        Assert.StartsWith("qdrant https://localhost:", store.Description);

        using var untrusting = TestStores.Create(url, o => o.MaxRetries = 0);
        var error = await Assert.ThrowsAsync<ArchiveException>(() => untrusting.GetStatsAsync(Ct));
        Assert.Contains("certificate must be trusted", error.Message); // one the machine does not trust is refused
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
