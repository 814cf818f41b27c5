using System.Text.Json;

namespace Bot.Core.Evaluation;

/// <summary>
/// A news question file: JSON Lines, one question per line (docs/evaluation.md):
/// <c>{"id","question","kind","answers":[...],"title","support","unanswerable","after","tags":[...]}</c>.
/// Blank lines and lines starting with <c>//</c> are skipped. A malformed line is an error naming the file and
/// line, since a silently dropped question would change every metric.
/// </summary>
public static class NewsQuestionFile
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
        { "who", "when", "where", "how-many", "how-much", "what", "why", "said", "which" };

    public static async Task<IReadOnlyList<EvalQuestion>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Question file not found: {path}", path);
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        return Parse(lines, path);
    }

    public static IReadOnlyList<EvalQuestion> Parse(IReadOnlyList<string> lines, string path)
    {
        var questions = new List<EvalQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var where = $"{path}:{i + 1}";
            var question = ParseLine(line, where);
            if (!ids.Add(question.Id)) throw new InvalidDataException($"{where}: the id '{question.Id}' is used twice.");
            if (question.After is { } after && !ids.Contains(after))
                throw new InvalidDataException($"{where}: \"after\" names '{after}', which is not an earlier question of the file.");
            questions.Add(question);
        }
        return questions;
    }

    private static EvalQuestion ParseLine(string line, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: not valid JSON ({e.Message}).", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: expected a JSON object.");
            var id = Text(root, "id", where, required: true)!;
            var text = Text(root, "question", where, required: true)!;
            var kind = Text(root, "kind", where) ?? "";
            if (kind.Length > 0 && !Kinds.Contains(kind))
                throw new InvalidDataException($"{where}: kind '{kind}' is not one of {string.Join(", ", Kinds)}.");
            var impossible = root.TryGetProperty("unanswerable", out var flag) && flag.ValueKind == JsonValueKind.True;
            var answers = Strings(root, "answers", where);
            if (!impossible && answers.Count == 0)
                throw new InvalidDataException($"{where}: an answerable question needs at least one gold answer (or \"unanswerable\": true).");
            if (impossible && answers.Count > 0)
                throw new InvalidDataException($"{where}: an unanswerable question has no gold answers.");
            return new EvalQuestion(id, text, answers, impossible, Text(root, "title", where, required: true)!)
            {
                Set = "news",
                Kind = kind,
                After = Text(root, "after", where),
                Support = Text(root, "support", where) is { Length: > 0 } support ? support : null,
                Tags = Strings(root, "tags", where),
            };
        }
    }

    private static string? Text(JsonElement root, string name, string where, bool required = false)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return required ? throw new InvalidDataException($"{where}: \"{name}\" is missing.") : null;
        if (value.ValueKind != JsonValueKind.String) throw new InvalidDataException($"{where}: \"{name}\" must be a string.");
        var text = value.GetString()!;
        if (required && text.Trim().Length == 0) throw new InvalidDataException($"{where}: \"{name}\" is empty.");
        return text;
    }

    private static IReadOnlyList<string> Strings(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            throw new InvalidDataException($"{where}: \"{name}\" must be an array of strings.");
        return value.EnumerateArray().Select(v => v.GetString()!).Where(s => s.Trim().Length > 0).ToList();
    }
}
