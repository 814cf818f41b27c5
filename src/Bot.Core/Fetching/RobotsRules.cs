using System.Globalization;

namespace Bot.Core.Fetching;

/// <summary>
/// The rules of a robots.txt (RFC 9309) that apply to the bot: the groups naming its product token, else the "*"
/// groups. A path is allowed unless its longest matching rule is a Disallow (Allow wins a tie); "*" matches any
/// characters and a final "$" anchors the end. Crawl-delay is kept for the host gate.
/// </summary>
public sealed class RobotsRules
{
    private readonly IReadOnlyList<(string Pattern, bool Allow)> rules;

    private RobotsRules(IReadOnlyList<(string, bool)> rules, TimeSpan? crawlDelay) => (this.rules, CrawlDelay) = (rules, crawlDelay);

    public static RobotsRules AllowAll { get; } = new([], null);
    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var ours = new List<(string, bool)>();
        var anyone = new List<(string, bool)>();
        TimeSpan? oursDelay = null, anyoneDelay = null;
        bool namesUs = false, namesAnyone = false, inRules = false, found = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var (key, value) = (line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
            if (key is "user-agent")
            {
                // A user-agent line after rules starts a new group.
                if (inRules) (namesUs, namesAnyone, inRules) = (false, false, false);
                if (value == "*") namesAnyone = true;
                else if (value.Equals(productToken, StringComparison.OrdinalIgnoreCase))
                {
                    namesUs = true;
                    found = true;
                }
                continue;
            }
            if (key is not ("allow" or "disallow" or "crawl-delay")) continue;
            inRules = true;
            if (key == "crawl-delay")
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                {
                    if (namesUs) oursDelay = TimeSpan.FromSeconds(seconds);
                    if (namesAnyone) anyoneDelay = TimeSpan.FromSeconds(seconds);
                }
                continue;
            }
            // An empty Disallow allows everything: it adds no rule.
            if (value.Length == 0) continue;
            var rule = (value, key == "allow");
            if (namesUs) ours.Add(rule);
            if (namesAnyone) anyone.Add(rule);
        }
        return found ? new RobotsRules(ours, oursDelay) : new RobotsRules(anyone, anyoneDelay);
    }

    /// <summary>Whether the bot may fetch <paramref name="url"/>; robots.txt itself is always allowed.</summary>
    public bool Allows(Uri url)
    {
        var path = url.PathAndQuery;
        if (path == "/robots.txt") return true;
        var best = (Length: -1, Allow: true);
        foreach (var (pattern, allow) in rules)
        {
            if (!Matches(pattern, path)) continue;
            if (pattern.Length > best.Length || (pattern.Length == best.Length && allow)) best = (pattern.Length, allow);
        }
        return best.Allow;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            // The last part of an anchored pattern must sit at the very end.
            var found = anchored && i == parts.Length - 1
                ? (path.Length - parts[i].Length >= at && path.EndsWith(parts[i], StringComparison.Ordinal) ? path.Length - parts[i].Length : -1)
                : path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }
        return !anchored || at == path.Length;
    }
}
