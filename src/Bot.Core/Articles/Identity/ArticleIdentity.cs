using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.Articles.Identity;

/// <summary>
/// Stable identity for articles. The id names the story: its normalised URL when it has one, else its title and
/// text compared without case, whitespace or apostrophes (so "Africa s" and "Africa's" copies are one story).
/// The fingerprint names the stored version: any change to any field changes it.
/// </summary>
public static class ArticleIdentity
{
    private const int IdLength = 16;

    /// <summary>16 lower-case hex characters of SHA-256 of the URL (already normalised) or of title and text.</summary>
    public static string Id(string? normalizedUrl, string title, string text) =>
        Sha256Hex(normalizedUrl is not null ? "url\n" + normalizedUrl : "text\n" + ContentKey(title) + "\n" + ContentKey(text))[..IdLength];

    /// <summary>SHA-256 hex of every stored field, each length-prefixed so no two articles can serialise alike.</summary>
    public static string Fingerprint(Article article)
    {
        var fields = new StringBuilder();
        void Add(string? value) => fields.Append(value?.Length.ToString(CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('\n');
        Add(article.Title);
        Add(article.Text);
        Add(article.Published?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Add(article.Source);
        Add(article.Url);
        Add(article.Author);
        Add(article.Place);
        Add(article.Tags.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var tag in article.Tags) Add(tag);
        // Only paged documents add their page starts, so every other article keeps the fingerprint it had.
        if (article.PageStarts.Count > 0) Add("pages " + string.Join(',', article.PageStarts));
        return Sha256Hex(fields.ToString());
    }

    /// <summary>Lower-case, apostrophes as spaces, whitespace runs as one space: what makes two copies the same story.</summary>
    internal static string ContentKey(string value)
    {
        var key = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c is '\'' or '’' or '‘' or '`' or 'ʼ')
            {
                space = key.Length > 0;
                continue;
            }
            if (space) key.Append(' ');
            space = false;
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    private static string Sha256Hex(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
