namespace Bot.Answering.SemanticKernel.Prompts;

/// <summary>
/// The prompt files (see prompts/README.md for every variable), loaded and checked once at start-up.
/// </summary>
public sealed class PromptLibrary
{
    public const string FolderName = "prompts";

    public string Folder { get; }
    /// <summary>system.md: the rules. Variables: refusal.</summary>
    public PromptFile System { get; }
    /// <summary>answer.md: the question and the passages. Variables: question, passages, passage_count.</summary>
    public PromptFile Answer { get; }
    /// <summary>passage.md: one numbered, delimited passage. Variables: number, title, date, source, text.</summary>
    public PromptFile Passage { get; }
    /// <summary>rewrite.md: follow-up to stand-alone query. Variables: history, question.</summary>
    public PromptFile Rewrite { get; }

    private PromptLibrary(string folder)
    {
        Folder = folder;
        System = Read("system.md", ["refusal"], ["refusal"]);
        Answer = Read("answer.md", ["question", "passages", "passage_count"], ["question", "passages"]);
        Passage = Read("passage.md", ["number", "title", "date", "source", "text"], ["number", "text"]);
        Rewrite = Read("rewrite.md", ["history", "question"], ["history", "question"]);
    }

    public static PromptLibrary Load(string folder) => new(folder);

    /// <summary>
    /// The prompts folder: <paramref name="configured"/> (relative to the content root) when set, else "prompts"
    /// under the content root, beside the app, or in a folder above the app (the repository root when run from source).
    /// </summary>
    public static string Locate(string? configured, string? contentRoot)
    {
        var root = contentRoot ?? Directory.GetCurrentDirectory();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(configured, root);
            if (!File.Exists(Path.Combine(path, "system.md")))
                throw new InvalidOperationException($"Llm:PromptsPath '{configured}' ({path}) has no system.md; point it at the prompts folder.");
            return path;
        }

        var candidates = new List<string> { Path.Combine(root, FolderName), Path.Combine(AppContext.BaseDirectory, FolderName) };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory).Parent; dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, FolderName));
        foreach (var candidate in candidates)
            if (File.Exists(Path.Combine(candidate, "system.md")))
                return Path.GetFullPath(candidate);
        throw new InvalidOperationException(
            $"The prompt files were not found (looked for {FolderName}/system.md under {root}, {AppContext.BaseDirectory} and the folders above it); set Llm:PromptsPath.");
    }

    private PromptFile Read(string name, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
            throw new InvalidOperationException($"Prompt file {path} is missing.");
        return PromptFile.Parse(name, File.ReadAllText(path), allowed, required);
    }
}
