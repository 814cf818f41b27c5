using Bot.Core.Answering;

namespace Bot.Cli.Output;

/// <summary>An answer as text: the answer, then its numbered sources with title, date, source, page (PDFs) and quote.</summary>
public static class AnswerView
{
    public static void Write(Answer answer, TextWriter output)
    {
        if (answer.RewrittenQuestion is { } rewritten) output.WriteLine($"(answered as: {rewritten})");
        output.WriteLine(answer.Text);
        if (answer.Citations.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Sources:");
        foreach (var c in answer.Citations)
        {
            var page = c.Page is { } number ? $" · p. {number}" : "";
            output.WriteLine($"[{c.Number}] {c.Title} · {Format.Date(c.Published)} · {c.Source ?? "unknown source"}{page} · {c.ArticleId}");
            if (c.Url is not null) output.WriteLine($"    {c.Url}");
            output.WriteLine($"    \"{c.Quote}\"");
        }
    }
}
