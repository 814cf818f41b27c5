using System.Text;
using System.Text.Json;

namespace Bot.Core.Embedding;

/// <summary>
/// The SentencePiece unigram tokenizer of Universal Sentence Encoder Lite, matching the TF.js reference
/// id for id: NFKC, a leading "▁" and every space turned into "▁", then the best-scoring segmentation
/// (Viterbi over UTF-16 code units) into vocabulary pieces. A character no piece covers becomes id 0, and
/// a run of such ids collapses into one.
/// </summary>
public sealed class UseLiteTokenizer
{
    public const int UnknownId = 0;
    /// <summary>Ids below this are control tokens, never produced from text.</summary>
    private const int FirstTextPieceId = 6;
    private const char WordBoundary = '▁';

    private readonly string[] pieces;
    private readonly double[] scores;
    private readonly PieceTrie trie = new();

    private UseLiteTokenizer(string[] pieces, double[] scores)
    {
        this.pieces = pieces;
        this.scores = scores;
        for (var id = FirstTextPieceId; id < pieces.Length; id++) trie.Add(pieces[id], id);
    }

    /// <summary>Reads vocab.json: an array of [piece, score] pairs whose position is the id.</summary>
    public static UseLiteTokenizer Load(string vocabPath)
    {
        if (!File.Exists(vocabPath)) throw new FileNotFoundException($"USE-lite vocabulary not found: {vocabPath}", vocabPath);
        try
        {
            using var stream = File.OpenRead(vocabPath);
            using var json = JsonDocument.Parse(stream);
            var entries = json.RootElement.EnumerateArray().ToList();
            var pieces = new string[entries.Count];
            var scores = new double[entries.Count];
            for (var id = 0; id < entries.Count; id++)
            {
                pieces[id] = entries[id][0].GetString() ?? throw new InvalidDataException($"piece {id} is null");
                // A few pieces (":", "://") carry a null score; the reference adds null as 0.
                scores[id] = entries[id][1].ValueKind == JsonValueKind.Null ? 0 : entries[id][1].GetDouble();
            }
            if (pieces.Length <= FirstTextPieceId) throw new InvalidDataException("it holds no text pieces");
            return new UseLiteTokenizer(pieces, scores);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or InvalidDataException)
        {
            throw new InvalidDataException($"USE-lite vocabulary {vocabPath} is not an array of [piece, score] pairs: {e.Message}", e);
        }
    }

    public int[] Encode(string text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0) return [];

        // best[i]: score of the best segmentation of normalized[..i]; 0 doubles as "none yet", as in the reference.
        var best = new double[normalized.Length + 1];
        var lastPiece = new int[normalized.Length + 1];
        for (var start = 0; start < normalized.Length; start++)
        {
            var node = PieceTrie.Root;
            for (var end = start + 1; end <= normalized.Length && trie.TryStep(node, normalized[end - 1], out node); end++)
            {
                var id = trie.PieceAt(node);
                if (id < 0) continue;
                var score = best[start] + scores[id];
                if (best[end] == 0 || score >= best[end])
                {
                    best[end] = score;
                    lastPiece[end] = id;
                }
            }
        }

        var ids = new List<int>();
        for (var end = normalized.Length; end > 0;)
        {
            var id = lastPiece[end];
            if (id != UnknownId || ids.Count == 0 || ids[^1] != UnknownId) ids.Add(id);
            end -= id == UnknownId ? 1 : pieces[id].Length;
        }
        ids.Reverse();
        return [.. ids];
    }

    private static string Normalize(string text)
    {
        var normalized = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormKC);
        return normalized.Length == 0 ? "" : WordBoundary + normalized.Replace(' ', WordBoundary);
    }

    /// <summary>.NET refuses to normalise ill-formed UTF-16; a lone surrogate is unknown to the vocabulary anyway.</summary>
    private static string ReplaceLoneSurrogates(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
