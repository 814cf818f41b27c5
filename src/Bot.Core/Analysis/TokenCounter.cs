using Microsoft.ML.Tokenizers;

namespace Bot.Core.Analysis;

/// <summary>
/// Counts tokens the way OpenAI-family models do (tiktoken cl100k_base, bundled, no download), so chunk
/// budgets and prompt budgets are measured in the unit that limits them.
/// </summary>
/// <remarks>
/// Tokenising costs time quadratic in the length of one run of symbols ("-----", emoji): a 60,000-character
/// rule line took 18 s to chunk. Budget checks therefore never tokenise more than a budget can hold:
/// cl100k's longest token has <see cref="MaxTokenChars"/> characters.
/// </remarks>
public static class TokenCounter
{
    /// <summary>Characters in cl100k's longest token (a run of spaces); no text longer than n times this fits in n tokens.</summary>
    public const int MaxTokenChars = 128;

    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public static int Count(string text) => text.Length == 0 ? 0 : Cl100k.Value.CountTokens(text);

    /// <summary>Whether <c>text[start..end]</c> is at most <paramref name="maxTokens"/> tokens; too long a text is refused uncounted.</summary>
    public static bool Fits(string text, int start, int end, int maxTokens) =>
        end - start <= (long)maxTokens * MaxTokenChars && Cl100k.Value.CountTokens(text.AsSpan(start, end - start)) <= maxTokens;

    /// <summary>
    /// Where the longest prefix of <c>text[start..end]</c> within <paramref name="maxTokens"/> tokens ends. The window
    /// tokenised starts at a few characters a token and doubles only while the whole window fits.
    /// </summary>
    public static int FitEnd(string text, int start, int end, int maxTokens)
    {
        var most = (int)Math.Min(end - start, (long)maxTokens * MaxTokenChars);
        var window = Math.Min(most, maxTokens * 4);
        while (true)
        {
            var fit = Cl100k.Value.GetIndexByTokenCount(text.AsSpan(start, window), maxTokens, out _, out _);
            if (fit < window || window == most) return start + fit;
            window = Math.Min(most, window * 2);
        }
    }
}
