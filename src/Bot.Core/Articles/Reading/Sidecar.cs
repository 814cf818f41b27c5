using System.Text.Json;

namespace Bot.Core.Articles.Reading;

/// <summary>
/// Metadata beside a single-article file: <c>story.meta.json</c> (or <c>story.txt.meta.json</c>) next to
/// <c>story.txt</c>, a JSON object whose title, published, source, url, author and tags replace what the file says.
/// </summary>
internal static class Sidecar
{
    public const string Suffix = ".meta.json";

    public static bool IsSidecar(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The sidecar path for <paramref name="articlePath"/>, if one exists.</summary>
    public static string? Find(string articlePath)
    {
        string[] candidates =
        [
            articlePath + Suffix,
            Path.Combine(Path.GetDirectoryName(articlePath) ?? "", Path.GetFileNameWithoutExtension(articlePath) + Suffix),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The sidecar's fields, or a problem naming the sidecar when it is not a readable JSON object.</summary>
    public static async Task<(DraftFields? Fields, ReadProblem? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            using var json = await JsonDocument.ParseAsync(stream, JsonArticle.Options, cancellationToken);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return (null, new ReadProblem(path, null,
                    $"sidecar metadata must be a JSON object, found {JsonArticle.Describe(json.RootElement.ValueKind)}; ignored"));
            return JsonArticle.TryFields(json.RootElement, out var fields, out var problem)
                ? (fields, null)
                : (null, new ReadProblem(path, null, $"{problem} in sidecar metadata; ignored"));
        }
        catch (JsonException error)
        {
            return (null, new ReadProblem(path, null, JsonArticle.Invalid(error) + " in sidecar metadata; ignored"));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (null, new ReadProblem(path, null, $"sidecar metadata could not be read: {error.Message}"));
        }
    }
}
