using System.CommandLine;
using Bot.Cli.Output;
using Bot.Core.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Cli.Commands;

/// <summary>Sources the bot keeps in sync: add, list, show, remove, and sync one or all of them now.</summary>
public static class SourcesCommand
{
    public static Command Create(CliContext cli) => new("sources", "Feeds, sitemaps and folders the archive keeps in sync")
    {
        Add(cli),
        List(cli),
        Show(cli),
        Remove(cli),
        Sync(cli),
    };

    private static Command Add(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "A short name: letters, digits, '-', '_', '.'" };
        var location = new Argument<string>("location") { Description = "The feed's or sitemap's http(s) URL, or a folder" };
        var kind = new Option<string?>("--kind") { Description = "feed (RSS or Atom), sitemap or folder; default: folder for a path, feed for a URL" };
        var every = new Option<string?>("--every") { Description = "Sync interval: 30m, 2h, 1d or 01:30:00 (default SourceSync:DefaultInterval, 1 h)" };
        var include = new Option<string[]>("--include") { Description = "Only items whose URL matches (wildcards * and ?, else a substring)", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out items whose URL matches", AllowMultipleArgumentsPerToken = true };
        var maxItems = new Option<int?>("--max-items") { Description = "Items downloaded or read per sync at most (default 200)" };
        var command = new Command("add", "Add a source; it is synced by the web host's schedule, or now with 'sources sync NAME'")
        {
            name, location, kind, every, include, exclude, maxItems,
        };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var where = parse.GetRequiredValue(location);
            var isUrl = where.Contains("://", StringComparison.Ordinal);
            var source = await services.GetRequiredService<SourceCatalog>().AddAsync(new SourceDeclaration
            {
                Name = parse.GetRequiredValue(name),
                Kind = parse.GetValue(kind),
                Url = isUrl ? where : null,
                Path = isUrl ? null : where,
                Interval = parse.GetValue(every) is { } text ? Format.ParseInterval(text) : null,
                Include = [.. parse.GetValue(include) ?? []],
                Exclude = [.. parse.GetValue(exclude) ?? []],
                MaxItems = parse.GetValue(maxItems),
            }, ct);
            output.WriteLine($"Added {Describe(source)}.");
            return 0;
        }));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var json = CliContext.JsonOption("Print the sources as JSON");
        var command = new Command("list", "Every source with its last sync") { json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var sources = await services.GetRequiredService<SourceCatalog>().ListAsync(ct);
            if (parse.GetValue(json)) { CliJson.Write(sources, output); return 0; }
            foreach (var view in sources)
                output.WriteLine($"{view.Definition.Name,-16} {Kind(view.Definition),-7} {Status(view),-22} last {Format.Time(view.State.LastFinished),-17} " +
                                 $"next {Format.Time(view.State.NextDue ?? DateTimeOffset.MinValue),-17} {view.Definition.Location}");
            output.WriteLine($"{sources.Count} source{(sources.Count == 1 ? "" : "s")}");
            return 0;
        }));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "Source name" };
        var json = CliContext.JsonOption("Print the source as JSON");
        var command = new Command("show", "One source: definition, state, and the items that failed") { name, json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var view = await services.GetRequiredService<SourceCatalog>().GetAsync(parse.GetRequiredValue(name), ct)
                       ?? throw new ArgumentException($"No source named '{parse.GetValue(name)}'.");
            if (parse.GetValue(json)) { CliJson.Write(view, output); return 0; }
            var (source, state) = (view.Definition, view.State);
            output.WriteLine(Describe(source));
            output.WriteLine($"declared:    {(source.Origin == SourceOrigin.Configuration ? "in configuration (Sources)" : "added at run time")}");
            if (source.Include.Count > 0) output.WriteLine($"include:     {string.Join(", ", source.Include)}");
            if (source.Exclude.Count > 0) output.WriteLine($"exclude:     {string.Join(", ", source.Exclude)}");
            output.WriteLine($"status:      {Status(view)}");
            output.WriteLine($"last sync:   {Format.Time(state.LastFinished)} (started {Format.Time(state.LastStarted)}), last success {Format.Time(state.LastSucceeded)}");
            output.WriteLine($"next sync:   {(state.NextDue is { } due ? Format.Time(due) : "as soon as the web host runs")}");
            if (state.LastCounts is { } c) output.WriteLine($"last counts: {Counts(c)}");
            if (state.LastError is { } error) output.WriteLine($"last error:  {error}");
            output.WriteLine($"items seen:  {view.ItemsSeen}, failing {view.FailingItems.Count}");
            foreach (var item in view.FailingItems.Take(20))
                output.WriteLine($"  failed {item.Failures}x: {item.Key}: {item.Error}");
            return 0;
        }));
        return command;
    }

    private static Command Remove(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "Source name" };
        var command = new Command("remove", "Forget a source added at run time; its articles stay in the archive") { name };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var sourceName = parse.GetRequiredValue(name);
            if (!await services.GetRequiredService<SourceCatalog>().RemoveAsync(sourceName, ct))
                throw new ArgumentException($"No source named '{sourceName}'.");
            output.WriteLine($"Removed source {sourceName}; its articles stay in the archive.");
            return 0;
        }));
        return command;
    }

    private static Command Sync(CliContext cli)
    {
        var name = new Argument<string?>("name") { Description = "Source name (default: every source)", Arity = ArgumentArity.ZeroOrOne };
        var json = CliContext.JsonOption("Print the sync reports as JSON");
        var command = new Command("sync", "Sync one source, or all of them, now") { name, json };
        command.SetAction((parse, ct) => cli.RunAsync(parse, async (services, output) =>
        {
            var runner = services.GetRequiredService<SourceSyncRunner>();
            var names = parse.GetValue(name) is { } one
                ? [one]
                : (await services.GetRequiredService<SourceCatalog>().ListAsync(ct)).Select(v => v.Definition.Name).ToList();
            var reports = new List<SyncReport>();
            foreach (var sourceName in names)
                reports.Add(await runner.TrySyncAsync(sourceName, ct) ?? throw new InvalidOperationException($"The source '{sourceName}' is already being synced."));
            if (parse.GetValue(json)) CliJson.Write(reports, output);
            else foreach (var report in reports) Print(report, output);
            return reports.Any(r => !r.Succeeded) ? 1 : 0;
        }));
        return command;
    }

    private static void Print(SyncReport report, TextWriter output)
    {
        var outcome = report.ListingNotModified ? "not modified since the last sync (304), nothing downloaded" : Counts(report.Counts);
        output.WriteLine($"{report.Source}: {(report.Succeeded ? "synced" : "FAILED")} in {Format.Duration(report.Elapsed)}: {outcome}");
        if (report.Error is { } error) output.WriteLine($"  error: {error}");
        foreach (var problem in report.Problems.Take(20)) output.WriteLine($"  failed: {problem.Location}: {problem.Reason}");
        if (report.Problems.Count > 20) output.WriteLine($"  ... and {report.Problems.Count - 20} more (use --json for all)");
    }

    private static string Counts(SyncCounts c) =>
        $"{c.Listed} listed, {c.Added} added, {c.Updated} updated, {c.Unchanged} unchanged, {c.NotModified} not modified, {c.Failed} failed, {c.Deferred} deferred";

    private static string Kind(SourceDefinition source) => source.Kind.ToString().ToLowerInvariant();

    private static string Describe(SourceDefinition source) =>
        $"{source.Name}: {Kind(source)} {source.Location}, every {Format.Interval(source.Interval)}, at most {source.MaxItems} items a sync";

    private static string Status(SourceView view) => view.State switch
    {
        { LastFinished: null } => "never synced",
        { ConsecutiveFailures: > 0 } failing => $"failing ({failing.ConsecutiveFailures}x)",
        _ => "ok",
    };
}
