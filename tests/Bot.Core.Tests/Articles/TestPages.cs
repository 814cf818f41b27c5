namespace Bot.Core.Tests.Articles;

/// <summary>HTML pages for the extraction tests.</summary>
internal static class TestPages
{
    public const string Story = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Niger asks U.S. to arm drones | Reuters</title>
        <meta property="og:site_name" content="Reuters">
        <meta property="og:title" content="Niger asks U.S. to arm drones">
        <meta property="article:published_time" content="2017-11-01T10:00:00Z">
        <meta property="article:tag" content="africa">
        <meta property="article:tag" content="drones">
        <meta name="author" content="Tim Cocks">
        <link rel="canonical" href="https://www.reuters.com/article/niger-drones/">
        </head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
        <article>
        <h1>Niger asks U.S. to arm drones</h1>
        <p>NIAMEY (Reuters) - Niger has asked the United States to start using armed drones against jihadist groups operating on the Mali border, raising the stakes in a counter-insurgency campaign jolted by a deadly ambush.</p>
        <p>On Oct. 4, Islamist militants with sniper rifles and rocket propelled grenades killed four U.S. soldiers and at least four of their Nigerien partners in an ambush that exposed the dangers of an expanding U.S. presence.</p>
        <p>What began as a small U.S. training operation has expanded to an 800-strong force that accompanies the Nigeriens on intelligence gathering and other missions.</p>
        </article>
        <footer>Copyright 2017 Reuters. All rights reserved.</footer>
        </body></html>
        """;
}
