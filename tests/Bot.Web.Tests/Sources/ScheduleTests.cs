using Bot.Testing;
using Bot.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Web.Tests.Sources;

/// <summary>The hosted schedule on a test clock: it fires when a source is due, and a restart keeps the schedule.</summary>
public sealed class ScheduleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Real time given to the host to do something it should not; long enough for a sync on loopback.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_schedule_fires_when_due_and_survives_a_restart()
    {
        await using var site = SourcesApiTests.Publish(await NewsSite.StartAsync());
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 7, 8, 0, 0, TimeSpan.Zero));
        string[] settings =
        [
            "Seeds:IngestWhenEmpty=false", "SourceSync:Jitter=0",
            "Sources:0:Name=wire", $"Sources:0:Url={site["/feed.xml"].AbsoluteUri}", "Sources:0:Interval=01:00:00",
        ];
        void UseClock(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(clock);

        await using (var host = await WebHost.StartAsync(UseClock, data.Path, settings))
        {
            using var client = host.Client();
            var first = await client.SyncedAsync("wire");
            Assert.Equal("2030-01-07T09:00:00+00:00", (string)first["state"]!["nextDue"]!);

            clock.Advance(TimeSpan.FromMinutes(30));
            await Task.Delay(Quiet, Ct);
            Assert.Equal(1, site.Count("/feed.xml"));

            clock.Advance(TimeSpan.FromMinutes(31));
            await client.SyncedAsync("wire", clock.GetUtcNow().AddMinutes(-1));
            Assert.Equal(2, site.Count("/feed.xml"));
        }

        // Down for ten minutes; the next sync is still due at 10:01, an hour after the last one, not at start.
        clock.Advance(TimeSpan.FromMinutes(10));
        await using (var host = await WebHost.StartAsync(UseClock, data.Path, settings))
        {
            using var client = host.Client();
            await Task.Delay(Quiet, Ct);
            Assert.Equal(2, site.Count("/feed.xml"));
            Assert.Equal("2030-01-07T10:01:00+00:00",
                (string)(await (await client.GetAsync("/api/sources/wire", Ct)).JsonAsync())["state"]!["nextDue"]!);

            clock.Advance(TimeSpan.FromMinutes(51));
            await client.SyncedAsync("wire", clock.GetUtcNow().AddMinutes(-1));
            Assert.Equal(3, site.Count("/feed.xml"));
        }
    }
}
