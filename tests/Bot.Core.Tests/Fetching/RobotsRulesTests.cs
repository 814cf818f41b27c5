using Bot.Core.Fetching;
using Bot.Core.Sources;

namespace Bot.Core.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # comments are ignored
        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$
        Crawl-delay: 2

        User-agent: OtherBot
        Disallow: /
        """;

    [Theory]
    [InlineData("/world/story", true)]
    [InlineData("/private/memo", false)]
    [InlineData("/private/press/release", true)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?download=1", true)]
    [InlineData("/robots.txt", true)]
    public void The_star_group_applies_when_no_group_names_the_bot(string path, bool allowed)
    {
        var rules = RobotsRules.Parse(Robots, BotUserAgent.Product);
        Assert.Equal(allowed, rules.Allows(new Uri("https://wire.example" + path)));
        Assert.Equal(TimeSpan.FromSeconds(2), rules.CrawlDelay);
    }

    [Fact]
    public void A_group_naming_the_bot_replaces_the_star_group()
    {
        var rules = RobotsRules.Parse(Robots + "\n\nUser-agent: newsarchivebot\nDisallow: /world/\n", BotUserAgent.Product);

        Assert.False(rules.Allows(new Uri("https://wire.example/world/story")));
        Assert.True(rules.Allows(new Uri("https://wire.example/private/memo")));
        Assert.Null(rules.CrawlDelay);
    }

    [Theory]
    [InlineData("*/world/*", "https://wire.example/world/a", true)]
    [InlineData("*/world/*", "https://wire.example/sport/a", false)]
    [InlineData("/opinion/", "https://wire.example/OPINION/x", true)]
    [InlineData("https://wire.example/????/a", "https://wire.example/2019/a", true)]
    public void Item_patterns_use_wildcards_or_match_anywhere(string pattern, string url, bool matches) =>
        Assert.Equal(matches, ItemPatterns.Matches(pattern, url));
}
