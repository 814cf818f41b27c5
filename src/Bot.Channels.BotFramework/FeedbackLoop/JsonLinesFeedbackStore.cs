using System.Text.Json;
using Bot.Core.Answering;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.FeedbackLoop;

/// <summary>Appends each feedback as one JSON line to feedback.jsonl in the configured folder.</summary>
public sealed class JsonLinesFeedbackStore(IOptions<BotFrameworkOptions> options) : IFeedbackStore
{
    public const string FileName = "feedback.jsonl";

    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _append = new(1, 1);

    public string FilePath { get; } = Path.GetFullPath(Path.Combine(options.Value.FeedbackFolder, FileName));

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
}
