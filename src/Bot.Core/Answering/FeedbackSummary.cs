namespace Bot.Core.Answering;

/// <summary>
/// What users said about the answers: counts, the latest comments, and the answers marked wrong (thumbs down)
/// with their questions and sources, newest first. Shared by GET /api/feedback and the CLI's feedback command.
/// </summary>
public sealed record FeedbackSummary(
    int Total,
    int Likes,
    int Dislikes,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    IReadOnlyList<Feedback> RecentComments,
    IReadOnlyList<Feedback> MarkedWrong)
{
    public const int DefaultRecent = 10;

    public static async Task<FeedbackSummary> BuildAsync(IFeedbackStore store, int recent = DefaultRecent, CancellationToken cancellationToken = default)
    {
        if (recent < 0) throw new ArgumentException("The number of recent entries cannot be negative.");
        int total = 0, likes = 0;
        DateTimeOffset? first = null, last = null;
        var comments = new Queue<Feedback>();
        var wrong = new Queue<Feedback>();
        await foreach (var entry in store.ReadAllAsync(cancellationToken))
        {
            total++;
            if (entry.Reaction == FeedbackReaction.Like) likes++;
            else Keep(wrong, entry, recent);
            if (!string.IsNullOrWhiteSpace(entry.Text)) Keep(comments, entry, recent);
            first = first is null || entry.Timestamp < first ? entry.Timestamp : first;
            last = last is null || entry.Timestamp > last ? entry.Timestamp : last;
        }
        return new FeedbackSummary(total, likes, total - likes, first, last, Newest(comments), Newest(wrong));
    }

    /// <summary>Keeps the last <paramref name="max"/> entries seen, so memory stays bounded however long the log is.</summary>
    private static void Keep(Queue<Feedback> kept, Feedback entry, int max)
    {
        if (max == 0) return;
        kept.Enqueue(entry);
        if (kept.Count > max) kept.Dequeue();
    }

    private static List<Feedback> Newest(IEnumerable<Feedback> entries) => entries.OrderByDescending(e => e.Timestamp).ToList();
}
