using Bot.Benchmarks;
using Bot.Benchmarks.Qdrant;

if (args is [SinkProcess.Flag, ..]) return await SinkProcess.ServeAsync(args);

// Runs the named benchmarks (all when none are named) and prints one table per benchmark.
var selected = args.Where(a => !a.StartsWith('-')).ToHashSet(StringComparer.OrdinalIgnoreCase);
var benchmarks = BenchmarkRegistry.All.Where(b => selected.Count == 0 || selected.Contains(b.Name)).ToList();
if (benchmarks.Count == 0)
{
    Console.Error.WriteLine($"Unknown benchmark. Known: {string.Join(", ", BenchmarkRegistry.All.Select(b => b.Name))}");
    return 2;
}
foreach (var benchmark in benchmarks)
{
    Console.WriteLine($"## {benchmark.Name}: {benchmark.Description}");
    var rows = await benchmark.RunAsync(CancellationToken.None);
    BenchmarkTable.Print(rows, Console.Out);
    Console.WriteLine();
}
return 0;
