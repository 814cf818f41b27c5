using System.Runtime.CompilerServices;
using System.Text.Json;
using Bot.Core.Answering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Hosting.FeedbackLog;

/// <summary>
/// Appends each feedback as one JSON line to feedback.jsonl in the archive's folder. A line cut short by a
/// crash mid-append is skipped (and counted in the log) when reading, so one bad line loses nothing else.
/// </summary>
public sealed class JsonLinesFeedbackStore(IOptions<FeedbackOptions> options, ILogger<JsonLinesFeedbackStore> logger) : IFeedbackStore
{
    public const string FileName = "feedback.jsonl";

    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _append = new(1, 1);

    public string FilePath { get; } = Path.GetFullPath(Path.Combine(options.Value.Folder, FileName));

    public async Task AddAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        var line = JsonSerializer.Serialize(feedback, LineOptions) + "\n";
        await _append.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await File.AppendAllTextAsync(FilePath, line, cancellationToken);
        }
        finally
        {
            _append.Release();
        }
    }

    public async IAsyncEnumerable<Feedback> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath)) yield break;
        var skipped = 0;
        await using var file = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            Feedback? entry;
            try
            {
                entry = JsonSerializer.Deserialize<Feedback>(line, LineOptions);
            }
            catch (JsonException)
            {
                entry = null;
            }
            if (entry is null || string.IsNullOrEmpty(entry.ConversationId))
            {
                skipped++;
                continue;
            }
            yield return entry;
        }
        if (skipped > 0) logger.LogWarning("Skipped {Count} unreadable line(s) in {File}", skipped, FilePath);
    }
}
