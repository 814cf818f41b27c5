namespace Bot.Core.Chunking;

/// <summary>How articles are cut into chunks; bound from the "Chunking" configuration section.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    /// <summary>Upper bound on a chunk's text in cl100k tokens (the context line is not counted).</summary>
    public int MaxTokens { get; set; } = 200;

    /// <summary>Whole sentences repeated from the end of one chunk at the start of the next.</summary>
    public int OverlapSentences { get; set; } = 1;

    /// <summary>Budgets below this cannot hold every single character (an emoji is several tokens).</summary>
    public const int MinMaxTokens = 16;

    /// <summary>Throws a clear error for settings a chunker cannot work with.</summary>
    public void Validate()
    {
        if (MaxTokens < MinMaxTokens)
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, $"{SectionName}:{nameof(MaxTokens)} must be at least {MinMaxTokens}.");
        if (OverlapSentences < 0)
            throw new ArgumentOutOfRangeException(nameof(OverlapSentences), OverlapSentences, $"{SectionName}:{nameof(OverlapSentences)} must not be negative.");
    }
}
