using System.Runtime.CompilerServices;
using Bot.Core.Analysis;
using Bot.Core.Retrieval;

namespace Bot.Core.Answering.Extractive;

/// <summary>The analysed terms of a passage with its title line, computed once per passage object.</summary>
internal static class PassageTerms
{
    private static readonly ConditionalWeakTable<Passage, IReadOnlySet<string>> Cache = new();

    public static IReadOnlySet<string> Of(Passage passage) =>
        Cache.GetValue(passage, p => TextAnalyzer.Terms(p.Chunk.IndexText).ToHashSet(StringComparer.Ordinal));
}
