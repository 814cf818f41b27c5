using System.Text.Json.Serialization;

namespace Bot.Core.Answering;

/// <summary>
/// The one answer contract every channel renders. <see cref="Text"/> carries markers [1], [2]...;
/// every marker refers to a listed citation and every citation is used (see <see cref="CitationValidator"/>).
/// </summary>
public sealed record Answer(string Text, bool Abstained, IReadOnlyList<Citation> Citations)
{
    /// <summary>How sure the answerer is, 0..1 (extractive: the calibrated score of its best sentence).</summary>
    public double Confidence { get; init; }
    /// <summary>Which answerer produced it ("extractive", "semantic-kernel:openai/gpt-4o-mini").</summary>
    public string Answerer { get; init; } = "";
    /// <summary>The query actually sent to retrieval (differs from the question after a follow-up rewrite).</summary>
    public string? RetrievalQuery { get; init; }
    /// <summary>A follow-up made to stand alone ("What did Kalla Mountari say about the ambush?"); null when the question stood alone.</summary>
    public string? RewrittenQuestion { get; init; }
    /// <summary>The answer in a few words, which <see cref="Text"/> opens with; null when the question asks for more than a name, date, place or number.</summary>
    public ShortAnswer? Short { get; init; }
    /// <summary>Up to three questions to ask next, about the cited stories (see <see cref="Answering.FollowUps"/>).</summary>
    public IReadOnlyList<string> FollowUps { get; init; } = [];

    public static Answer Abstain(string message, string answerer, double confidence = 0) =>
        new(message, true, []) { Answerer = answerer, Confidence = confidence };
}

/// <summary>A numbered source: the exact article and the verbatim sentence(s) quoted from it.</summary>
public sealed record Citation(
    int Number,
    string ArticleId,
    string Title,
    DateTimeOffset? Published,
    string? Source,
    string? Url,
    string ChunkId,
    string Quote,
    /// <summary>Character offset of <see cref="Quote"/> in the article text.</summary>
    int Start,
    int End)
{
    /// <summary>The page of a paged document (PDF) the quote is on ("p. 3"); null for other articles.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }

    [JsonIgnore] public int Length => End - Start;
}
