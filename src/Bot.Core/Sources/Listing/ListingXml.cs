using System.Text;

namespace Bot.Core.Sources.Listing;

/// <summary>Checks shared by feed and sitemap documents before they are parsed.</summary>
internal static class ListingXml
{
    /// <summary>
    /// Why the document must not be parsed, or null: entity declarations are refused outright (no feed or sitemap
    /// needs them, and they are how XML bombs are built).
    /// </summary>
    public static string? Refusal(byte[] body)
    {
        var head = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64 * 1024));
        return head.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase)
            ? "the document declares XML entities, which feeds and sitemaps never need; it was not parsed"
            : null;
    }

    /// <summary>Gzip-compressed sitemaps (".xml.gz") are common; their size stays capped after decompression.</summary>
    public static byte[]? Gunzip(byte[] body, long maxBytes)
    {
        if (body.Length < 2 || body[0] != 0x1f || body[1] != 0x8b) return body;
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes) return null;
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}
