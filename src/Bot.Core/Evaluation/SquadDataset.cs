using System.Text.Json;

namespace Bot.Core.Evaluation;

/// <summary>A SQuAD paragraph, which evaluation ingests as one article titled by its Wikipedia article.</summary>
public sealed record SquadParagraph(int Index, string Title, string Context);

/// <summary>A SQuAD question with the index of its gold paragraph; unanswerable ones have no answers.</summary>
public sealed record SquadQuestion(string Id, string Text, int ParagraphIndex, IReadOnlyList<string> Answers, bool IsImpossible);

/// <summary>The official SQuAD JSON format (v1.1 and v2.0): data[].title, paragraphs[].context, qas[].</summary>
public sealed record SquadDataset(IReadOnlyList<SquadParagraph> Paragraphs, IReadOnlyList<SquadQuestion> Questions)
{
    /// <summary>The questions for answer evaluation, each about its Wikipedia article.</summary>
    public IReadOnlyList<EvalQuestion> EvalQuestions() =>
        Questions.Select(q => new EvalQuestion(q.Id, q.Text, q.Answers, q.IsImpossible, Paragraphs[q.ParagraphIndex].Title) { Set = "squad" }).ToList();

    public static async Task<SquadDataset> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"SQuAD file not found: {path}", path);
        await using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path} is not in SQuAD format: no top-level \"data\" array.");
            var paragraphs = new List<SquadParagraph>();
            var questions = new List<SquadQuestion>();
            foreach (var article in data.EnumerateArray())
            {
                var title = article.GetProperty("title").GetString()!.Replace('_', ' ');
                foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
                {
                    var index = paragraphs.Count;
                    paragraphs.Add(new SquadParagraph(index, title, paragraph.GetProperty("context").GetString()!));
                    foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                    {
                        var answers = qa.GetProperty("answers").EnumerateArray()
                            .Select(a => a.GetProperty("text").GetString()!).Distinct().ToList();
                        var impossible = qa.TryGetProperty("is_impossible", out var flag) && flag.GetBoolean();
                        questions.Add(new SquadQuestion(qa.GetProperty("id").GetString()!, qa.GetProperty("question").GetString()!,
                            index, answers, impossible || answers.Count == 0));
                    }
                }
            }
            return new SquadDataset(paragraphs, questions);
        }
    }
}
