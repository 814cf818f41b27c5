using Microsoft.ML.Tokenizers;

namespace Bot.Core.Analysis;

/// <summary>
/// Counts tokens the way OpenAI-family models do (tiktoken cl100k_base, bundled, no download), so chunk
/// budgets and prompt budgets are measured in the unit that limits them.
/// </summary>
public static class TokenCounter
{
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public static int Count(string text) => text.Length == 0 ? 0 : Cl100k.Value.CountTokens(text);
}
