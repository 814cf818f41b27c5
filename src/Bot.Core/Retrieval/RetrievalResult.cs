namespace Bot.Core.Retrieval;

/// <summary>Passages best first, the mode actually used, and a notice when it differs from the one asked for.</summary>
public sealed record RetrievalResult(IReadOnlyList<Passage> Passages, SearchMode Mode, string? Notice = null);
