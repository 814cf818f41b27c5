using Bot.Testing;
using Bot.Testing.Processes;

namespace Bot.Cli.Tests.Crash;

/// <summary>Two CLI ingests of the ISOT sample into one archive at the same time: both finish, and the archive is exactly a clean ingest's.</summary>
public sealed class ConcurrentIngestTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_ingests_into_one_archive_at_once_both_finish_with_a_whole_archive()
    {
        var isot = SharedData.IsotSample;
        using var clean = new TempDirectory();
        using var shared = new TempDirectory();
        using (var bot = new BotProcess(new Dictionary<string, string>()))
            await bot.JsonAsync("ingest", isot, "--data", clean.Path, "--json");
        var reference = ArchiveSnapshot.ReadAndCheck(clean.Path, vectors: false);

        await using var first = new ChildProcess("bot", ["ingest", isot, "--data", shared.Path, "--json"], new Dictionary<string, string>());
        await using var second = new ChildProcess("bot", ["ingest", isot, "--data", shared.Path, "--json"], new Dictionary<string, string>());
        var exits = await Task.WhenAll(first.WaitForExitAsync(Patience, Ct), second.WaitForExitAsync(Patience, Ct));

        Assert.True(exits.All(e => e == 0), $"exits {string.Join(", ", exits)}:\n{first.Error}\n---\n{second.Error}");
        var archive = ArchiveSnapshot.ReadAndCheck(shared.Path, vectors: false);
        Assert.Equal((reference.Articles, reference.Chunks), (archive.Articles, archive.Chunks));
        Assert.Equal(reference.Fingerprints.OrderBy(p => p.Key), archive.Fingerprints.OrderBy(p => p.Key));
        Assert.Equal(reference.ChunkDigest, archive.ChunkDigest);
        Assert.Equal(reference.TermDigest, archive.TermDigest);
    }
}
