using Bot.Core.Retrieval;

namespace Bot.Cli.Output;

public static class PassageView
{
    public static void Write(int rank, Passage passage, TextWriter output)
    {
        var article = passage.Article;
        output.WriteLine($"{rank}. {article.Title}");
        var page = passage.Chunk.Page is { } number ? $" · p. {number}" : "";
        output.WriteLine($"   {Format.Date(article.Published)} · {article.Source ?? "unknown source"}{page} · score {passage.Score:G4} · {passage.Chunk.Id}");
        output.WriteLine($"   {passage.Chunk.Text}");
        output.WriteLine();
    }
}
