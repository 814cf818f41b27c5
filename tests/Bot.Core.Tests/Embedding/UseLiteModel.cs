using Bot.Core.Embedding;
using Bot.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Embedding;

/// <summary>One loaded encoder and tokenizer shared by a test class; loading the model takes seconds.</summary>
public sealed class UseLiteModel : IDisposable
{
    private readonly Lazy<OnnxSentenceEncoder> encoder = new(() => Create(batchSize: 32));
    private readonly Lazy<UseLiteTokenizer> tokenizer = new(() =>
        UseLiteTokenizer.Load(Path.Combine(SharedData.UseLiteModel, OnnxSentenceEncoder.VocabularyFileName)));

    /// <summary>The shared encoder (batch size 32); skips the calling test when the model is absent.</summary>
    public OnnxSentenceEncoder Encoder => encoder.Value;

    public UseLiteTokenizer Tokenizer => tokenizer.Value;

    public static OnnxSentenceEncoder Create(int batchSize, string? modelPath = null) =>
        new(Options.Create(new EmbeddingOptions { ModelPath = modelPath ?? SharedData.UseLiteModel, BatchSize = batchSize }));

    public void Dispose()
    {
        if (encoder.IsValueCreated) encoder.Value.Dispose();
    }
}
