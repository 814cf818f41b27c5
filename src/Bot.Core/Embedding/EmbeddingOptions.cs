namespace Bot.Core.Embedding;

/// <summary>The local sentence encoder; bound from the "Embeddings" configuration section.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>Folder holding the USE-lite model.onnx and vocab.json; unset means no dense retrieval.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Texts per model call: larger batches amortise the call, smaller ones bound memory.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads one model call may use; keep below the core count so requests can still be served.</summary>
    public int IntraOpThreads { get; set; } = 2;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
            throw new ArgumentException($"{SectionName}:{nameof(ModelPath)} must name the folder holding model.onnx and vocab.json.", nameof(ModelPath));
        if (BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"{SectionName}:{nameof(BatchSize)} must be at least 1.");
        if (IntraOpThreads < 1)
            throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, $"{SectionName}:{nameof(IntraOpThreads)} must be at least 1.");
    }
}
