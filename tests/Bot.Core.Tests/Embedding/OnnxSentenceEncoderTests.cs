using System.Numerics.Tensors;
using System.Text.Json;
using Bot.Core.Embedding;
using Bot.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Bot.Core.Tests.Embedding;

public sealed class OnnxSentenceEncoderTests(UseLiteModel model) : IClassFixture<UseLiteModel>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<float[][]> Embed(OnnxSentenceEncoder encoder, IEnumerable<string> texts) =>
        (await encoder.GenerateAsync(texts, cancellationToken: Ct)).Select(e => e.Vector.ToArray()).ToArray();

    [Fact]
    public async Task Embeddings_match_the_reference_within_1e4()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.UseLiteModel, "embedding_reference.json")));
        var sentences = json.RootElement.GetProperty("sents").Deserialize<string[]>()!;
        var expected = json.RootElement.GetProperty("emb").Deserialize<float[][]>()!;
        using var encoder = UseLiteModel.Create(batchSize: 3);

        var actual = await Embed(encoder, sentences);

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(512, actual[i].Length);
            var worst = expected[i].Zip(actual[i], (e, a) => Math.Abs(e - a)).Max();
            Assert.True(worst < 1e-4, $"sentence {i} ('{sentences[i]}') differs by {worst}");
        }
    }

    [Fact]
    public async Task Batched_and_one_by_one_results_agree_and_are_unit_length()
    {
        string[] texts =
        [
            "Niger has asked the United States to start using armed drones against jihadist groups.",
            "a",
            "The U.S. military has been adamant that the mission was not intended to involve contact with enemy forces.",
            "Drone strikes have been controversial.",
            "He declined to give further details.",
        ];
        using var encoder = UseLiteModel.Create(batchSize: 2);

        var batched = await Embed(encoder, texts);
        var single = new List<float[]>();
        foreach (var text in texts) single.AddRange(await Embed(encoder, [text]));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(batched[i].Zip(single[i], (b, s) => Math.Abs(b - s)).Max() < 1e-5, $"text {i} depends on its batch");
            Assert.Equal(1f, TensorPrimitives.Norm(batched[i]), 1e-5f);
        }
    }

    [Fact]
    public async Task A_close_paraphrase_scores_higher_than_an_unrelated_sentence()
    {
        var encoder = model.Encoder;
        var vectors = await Embed(encoder,
        [
            "Niger asked Washington to arm its drones against militants.",
            "Niger has asked the United States to start using armed drones against jihadist groups.",
            "Shares of renewable energy firms fell after the election.",
        ]);

        var close = TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]);
        var unrelated = TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]);
        Assert.True(close > unrelated + 0.2f, $"paraphrase {close:F3} vs unrelated {unrelated:F3}");
    }

    [Fact]
    public async Task Only_the_first_128_tokens_count_and_whitespace_runs_are_collapsed()
    {
        var encoder = model.Encoder;
        var words = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"word{i}"));
        var tokenizer = model.Tokenizer;

        var vectors = await Embed(encoder, [words, words + " and then a whole different ending about drones", "Armed drones\n\tover  Niger.", "Armed drones over Niger."]);

        Assert.True(tokenizer.Encode(words).Length > 2 * OnnxSentenceEncoder.MaxTokensPerText);
        Assert.Equal(vectors[0], vectors[1]);
        Assert.Equal(vectors[2], vectors[3]);
    }

    [Fact]
    public async Task Usage_counts_the_tokens_sent()
    {
        var encoder = model.Encoder;
        var tokenizer = model.Tokenizer;
        string[] texts = ["How do I reset my password?", "The cat sat on the mat."];

        var result = await encoder.GenerateAsync(texts, cancellationToken: Ct);

        Assert.Equal(texts.Sum(t => tokenizer.Encode(t).Length), result.Usage?.InputTokenCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public async Task Empty_text_is_refused_with_its_position(string empty)
    {
        var encoder = model.Encoder;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => encoder.GenerateAsync(["fine", empty], cancellationToken: Ct));

        Assert.Contains("Text 1", error.Message);
    }

    [Fact]
    public async Task No_texts_give_no_embeddings() =>
        Assert.Empty(await model.Encoder.GenerateAsync([], cancellationToken: Ct));

    [Fact]
    public void Metadata_names_the_provider_model_and_dimensions()
    {
        var encoder = model.Encoder;

        var metadata = encoder.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(("onnx", "use-lite", 512), (metadata.ProviderName, metadata.DefaultModelId, metadata.DefaultModelDimensions));
        Assert.Same(encoder, encoder.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Null(encoder.GetService(typeof(string)));
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_vectors_as_a_single_caller()
    {
        var encoder = model.Encoder;
        var texts = Enumerable.Range(0, 12).Select(i => $"Report {i}: the minister met {i} delegates in Niamey.").ToArray();
        var expected = await Embed(encoder, texts);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Embed(encoder, texts), Ct)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Missing_model_files_are_named_in_the_error()
    {
        using var folder = new TempDirectory();
        var noModel = Assert.Throws<FileNotFoundException>(() => UseLiteModel.Create(32, folder.Path));
        Assert.Equal(folder.File(OnnxSentenceEncoder.ModelFileName), noModel.FileName);
        Assert.Contains("Embeddings:ModelPath", noModel.Message);

        File.WriteAllText(folder.File(OnnxSentenceEncoder.ModelFileName), "not a model");
        var noVocabulary = Assert.Throws<FileNotFoundException>(() => UseLiteModel.Create(32, folder.Path));
        Assert.Equal(folder.File(OnnxSentenceEncoder.VocabularyFileName), noVocabulary.FileName);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_reported_as_such()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File(OnnxSentenceEncoder.ModelFileName), "not a model");
        File.Copy(Path.Combine(SharedData.UseLiteModel, OnnxSentenceEncoder.VocabularyFileName), folder.File(OnnxSentenceEncoder.VocabularyFileName));

        var error = Assert.Throws<InvalidDataException>(() => UseLiteModel.Create(32, folder.Path));

        Assert.Contains(folder.File(OnnxSentenceEncoder.ModelFileName), error.Message);
    }

    [Theory]
    [InlineData(null, 32, "ModelPath")]
    [InlineData("/models", 0, "BatchSize")]
    public void Unworkable_options_are_refused_clearly(string? modelPath, int batchSize, string setting)
    {
        var options = Options.Create(new EmbeddingOptions { ModelPath = modelPath, BatchSize = batchSize });

        var error = Assert.ThrowsAny<ArgumentException>(() => new OnnxSentenceEncoder(options));

        Assert.Contains("Embeddings:" + setting, error.Message);
    }
}
