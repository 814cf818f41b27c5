using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

public static class ArticlesCommand
{
    public static Command Create(CliContext cli) => new("articles", "List, show or delete stored articles")
    {
        List(cli),
        Show(cli),
        Delete(cli),
    };

    private static Command List(CliContext cli)
    {
        var offset = new Option<int>("--offset") { Description = "Skip this many", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "Show at most this many", DefaultValueFactory = _ => 50 };
        var json = CliContext.JsonOption("Print the page as JSON");
        var command = new Command("list", "Articles, newest first") { offset, limit, json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var page = await services.GetRequiredService<IArchiveStore>()
                .ListArticlesAsync(parse.GetValue(offset), parse.GetValue(limit), cancellationToken: ct);
            if (parse.GetValue(json)) { CliJson.Write(page, output); return 0; }
            foreach (var a in page.Items)
                output.WriteLine($"{a.Id}  {Format.Date(a.Published)}  {a.Source ?? "-",-10}  {a.ChunkCount,3} chunks  {a.Title}");
            output.WriteLine($"{page.Items.Count} of {page.Total} articles");
            return 0;
        }));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Article id" };
        var json = CliContext.JsonOption("Print the article as JSON");
        var command = new Command("show", "One article with its metadata and text") { id, json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var article = await services.GetRequiredService<IArchiveStore>().GetArticleAsync(parse.GetRequiredValue(id), ct)
                ?? throw new ArgumentException($"No article with id '{parse.GetValue(id)}'.");
            if (parse.GetValue(json)) { CliJson.Write(article, output); return 0; }
            output.WriteLine(article.Title);
            output.WriteLine($"id: {article.Id}");
            output.WriteLine($"published: {Format.Date(article.Published)}");
            if (article.Source is not null) output.WriteLine($"source: {article.Source}");
            if (article.Author is not null) output.WriteLine($"author: {article.Author}");
            if (article.Place is not null) output.WriteLine($"place: {article.Place}");
            if (article.Url is not null) output.WriteLine($"url: {article.Url}");
            if (article.Tags.Count > 0) output.WriteLine($"tags: {string.Join(", ", article.Tags)}");
            output.WriteLine();
            output.WriteLine(article.Text);
            return 0;
        }));
        return command;
    }

    private static Command Delete(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Article id" };
        var command = new Command("delete", "Remove an article and its passages") { id };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var articleId = parse.GetRequiredValue(id);
            if (!await services.GetRequiredService<IArchiveStore>().DeleteArticleAsync(articleId, ct))
                throw new ArgumentException($"No article with id '{articleId}'.");
            output.WriteLine($"Deleted {articleId}.");
            return 0;
        }));
        return command;
    }
}
