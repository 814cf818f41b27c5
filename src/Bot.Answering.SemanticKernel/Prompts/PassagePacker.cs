using Bot.Core.Analysis;
using Bot.Core.Retrieval;

namespace Bot.Answering.SemanticKernel.Prompts;

/// <summary>A passage as the model sees it: its number in the prompt, its rendered block and that block's size.</summary>
public sealed record PromptPassage(int Number, Passage Passage, string Block, int Tokens);

/// <summary>
/// Fills the passage budget best first: passages in score order (ties keep retrieval order), each taken when
/// its block still fits in the budget (counted with <see cref="TokenCounter"/>), skipped otherwise, so a long
/// passage does not keep shorter, lower-ranked ones out. Repeated chunks are given once.
/// </summary>
public static class PassagePacker
{
    public static async Task<IReadOnlyList<PromptPassage>> PackAsync(
        IReadOnlyList<Passage> passages,
        int budgetTokens,
        Func<int, Passage, CancellationToken, Task<string>> renderBlock,
        CancellationToken cancellationToken = default)
    {
        var packed = new List<PromptPassage>();
        var chunkIds = new HashSet<string>(StringComparer.Ordinal);
        var used = 0;
        foreach (var passage in passages.OrderByDescending(p => p.Score))
        {
            if (!chunkIds.Add(passage.Chunk.Id)) continue;
            var number = packed.Count + 1;
            var block = await renderBlock(number, passage, cancellationToken);
            var tokens = TokenCounter.Count(block);
            if (used + tokens > budgetTokens) continue;
            packed.Add(new PromptPassage(number, passage, block, tokens));
            used += tokens;
        }
        return packed;
    }
}
