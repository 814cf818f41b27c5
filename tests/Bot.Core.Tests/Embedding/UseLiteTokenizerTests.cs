using System.Text.Json;
using Bot.Core.Embedding;
using Bot.Testing;

namespace Bot.Core.Tests.Embedding;

public sealed class UseLiteTokenizerTests(UseLiteModel model) : IClassFixture<UseLiteModel>
{
    private sealed record Reference(string Text, int[] Ids);

    private UseLiteTokenizer Tokenizer() => model.Tokenizer;

    [Fact]
    public void Every_reference_text_encodes_to_the_reference_ids()
    {
        var tokenizer = Tokenizer();
        var references = JsonSerializer.Deserialize<Reference[]>(
            File.ReadAllText(Path.Combine(SharedData.UseLiteModel, "tokenizer_reference.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal(16, references.Length);
        Assert.All(references, r => Assert.Equal(r.Ids, tokenizer.Encode(r.Text)));
    }

    [Fact]
    public void Embedding_reference_sentences_encode_to_their_tokens()
    {
        var tokenizer = Tokenizer();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.UseLiteModel, "embedding_reference.json")));
        var sentences = json.RootElement.GetProperty("sents").Deserialize<string[]>()!;
        var tokens = json.RootElement.GetProperty("tokens").Deserialize<int[][]>()!;

        Assert.Equal(tokens, sentences.Select(tokenizer.Encode));
    }

    [Fact]
    public void Lone_surrogates_become_unknown_instead_of_failing()
    {
        var ids = Tokenizer().Encode("bad \uD800 text");

        Assert.Contains(UseLiteTokenizer.UnknownId, ids);
        Assert.Equal(Tokenizer().Encode("bad \uFFFD text"), ids);
    }

    [Fact]
    public void Missing_or_malformed_vocabulary_is_reported_with_its_path()
    {
        using var dir = new TempDirectory();
        var missing = Assert.Throws<FileNotFoundException>(() => UseLiteTokenizer.Load(dir.File("vocab.json")));
        Assert.Contains(dir.File("vocab.json"), missing.Message);

        File.WriteAllText(dir.File("bad.json"), "{\"not\": \"a list\"}");
        var malformed = Assert.Throws<InvalidDataException>(() => UseLiteTokenizer.Load(dir.File("bad.json")));
        Assert.Contains(dir.File("bad.json"), malformed.Message);
    }
}
