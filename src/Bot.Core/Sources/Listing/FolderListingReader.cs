using System.Globalization;
using Bot.Core.Articles;

namespace Bot.Core.Sources.Listing;

/// <summary>
/// A watched folder's supported files, each with a signature (size and write time) that tells without reading it
/// whether the file changed since the last sync.
/// </summary>
internal static class FolderListingReader
{
    public static Listing Read(SourceDefinition source)
    {
        if (!Directory.Exists(source.Location)) return Listing.Failed($"the folder {source.Location} does not exist or cannot be read");
        var items = new List<ListedItem>();
        foreach (var path in ArticleSourceReader.FilesUnder(source.Location))
        {
            var file = new FileInfo(path);
            items.Add(new ListedItem
            {
                Key = path,
                Location = path,
                Listed = file.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture),
            });
        }
        return new Listing(items);
    }

    /// <summary>What changes when the file does: its length and last write time.</summary>
    public static string Signature(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? string.Create(CultureInfo.InvariantCulture, $"{file.Length}-{file.LastWriteTimeUtc.Ticks}") : "missing";
    }
}
