using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace Bot.Core.Embedding;

/// <summary>
/// Universal Sentence Encoder Lite run locally through ONNX Runtime: texts in, 512-d unit vectors out,
/// in batches of <see cref="EmbeddingOptions.BatchSize"/>. Whitespace runs are collapsed to single spaces
/// first (SentencePiece does so when training; the reference tokenizer would turn a line break into an
/// unknown token) and only the first <see cref="MaxTokensPerText"/> tokens of a text are used, as the model
/// ignores the rest. Safe to call from several threads at once.
/// </summary>
/// <remarks>
/// Empty or whitespace-only texts are refused with <see cref="ArgumentException"/>: there is nothing to
/// embed, a zero vector would break the unit-length promise stores rely on, and the model itself would
/// silently drop an empty text at the end of a batch and misalign every vector after it.
/// </remarks>
public sealed class OnnxSentenceEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "onnx";
    public const string ModelId = "use-lite";
    public const int MaxTokensPerText = 128;
    public const string ModelFileName = "model.onnx";
    public const string VocabularyFileName = "vocab.json";

    private static readonly string[] InputNames = ["indices", "values"];
    private static readonly string[] OutputNames = ["embeddings"];

    private readonly InferenceSession session;
    private readonly UseLiteTokenizer tokenizer;
    private readonly int batchSize;
    private readonly EmbeddingGeneratorMetadata metadata;
    private volatile bool disposed;

    public OnnxSentenceEncoder(IOptions<EmbeddingOptions> options)
    {
        var settings = options.Value;
        settings.Validate();
        var folder = ModelFolder(settings.ModelPath!);
        var modelPath = Path.Combine(folder, ModelFileName);
        if (!File.Exists(modelPath))
            throw new FileNotFoundException(
                $"USE-lite model not found: {modelPath}. {EmbeddingOptions.SectionName}:{nameof(EmbeddingOptions.ModelPath)} must name a folder holding {ModelFileName} and {VocabularyFileName}.",
                modelPath);
        tokenizer = UseLiteTokenizer.Load(Path.Combine(folder, VocabularyFileName));
        batchSize = settings.BatchSize;
        session = OpenSession(modelPath, settings.IntraOpThreads);
        Dimensions = (int)session.OutputMetadata[OutputNames[0]].Dimensions[1];
        metadata = new EmbeddingGeneratorMetadata(ProviderName, new Uri(Path.GetFullPath(folder)), ModelId, Dimensions);
    }

    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (options?.Dimensions is { } wanted && wanted != Dimensions)
            throw new NotSupportedException($"{ModelId} produces {Dimensions}-dimensional embeddings, not {wanted}.");

        var tokens = values.Select(Tokenize).ToList();
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(tokens.Count);
        long tokenCount = 0;
        for (var start = 0; start < tokens.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = SparseTokenBatch.From(tokens.GetRange(start, Math.Min(batchSize, tokens.Count - start)));
            embeddings.AddRange(Run(batch, Math.Min(batchSize, tokens.Count - start)));
            tokenCount += batch.TokenCount;
        }
        embeddings.Usage = new UsageDetails { InputTokenCount = tokenCount, TotalTokenCount = tokenCount };
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        disposed = true;
        session.Dispose();
    }

    private int[] Tokenize(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text, $"values[{index}]");
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length == 0)
            throw new ArgumentException($"Text {index} is empty or whitespace only: there is nothing to embed.", "values");
        var ids = tokenizer.Encode(collapsed);
        return ids.Length > MaxTokensPerText ? ids[..MaxTokensPerText] : ids;
    }

    private List<Embedding<float>> Run(SparseTokenBatch batch, int texts)
    {
        using var indices = OrtValue.CreateTensorValueFromMemory(batch.Indices, [batch.TokenCount, 2]);
        using var values = OrtValue.CreateTensorValueFromMemory(batch.Values, [batch.TokenCount]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, InputNames, [indices, values], OutputNames);
        var output = outputs[0].GetTensorDataAsSpan<float>();
        if (output.Length != texts * Dimensions)
            throw new InvalidOperationException($"{ModelId} returned {output.Length / Dimensions} embeddings for {texts} texts.");

        var embeddings = new List<Embedding<float>>(texts);
        for (var i = 0; i < texts; i++)
        {
            var vector = output.Slice(i * Dimensions, Dimensions).ToArray();
            // The model already normalises; doing it again makes unit length a promise rather than a hope.
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
            embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId });
        }
        return embeddings;
    }

    private static InferenceSession OpenSession(string modelPath, int intraOpThreads)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        InferenceSession session;
        try
        {
            session = new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{modelPath} is not a loadable ONNX model: {e.Message}", e);
        }
        if (!InputNames.All(session.InputMetadata.ContainsKey) || !session.OutputMetadata.TryGetValue(OutputNames[0], out var output)
            || output.Dimensions is not [_, > 0])
        {
            session.Dispose();
            throw new InvalidDataException(
                $"{modelPath} is not USE-lite: expected inputs {string.Join(", ", InputNames)} and a [batch, dimensions] output {OutputNames[0]}.");
        }
        return session;
    }

    /// <summary>The configured path may name the folder or the model file inside it.</summary>
    private static string ModelFolder(string path) =>
        File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
}
