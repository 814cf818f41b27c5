using System.Diagnostics;
using System.Globalization;
using Bot.Testing;
using Bot.Testing.Hostile;

namespace Bot.Core.Tests.Articles.Fuzzing;

/// <summary>
/// The SharpFuzz corpora of the readers (tests/Bot.Testing.Fuzz/corpus): every seed passes the reader
/// invariants, and, where afl-fuzz is installed (CI installs it), a bounded coverage-guided run per reader
/// (BOT_FUZZ_SECONDS, default 20 s; 0 turns it off) saves no crash. The longer run is in docs/robustness.md.
/// </summary>
public sealed class FuzzingTests
{
    private static readonly string FuzzFolder = Path.Combine(SharedData.RepositoryRoot, "tests", "Bot.Testing.Fuzz");
    private static readonly string[] Formats = ["csv", "json", "jsonl", "txt", "md", "html", "pdf"];

    public static TheoryData<string> Seeds => new(Directory.EnumerateFiles(Path.Combine(FuzzFolder, "corpus"), "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(FuzzFolder, path)).Order(StringComparer.Ordinal));

    public static TheoryData<string> AllFormats => new(Formats);

    [Fact]
    public void Every_reader_has_seeds()
    {
        foreach (var format in Formats)
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(FuzzFolder, "corpus", format), "*." + format));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_seed_passes_the_reader_invariants(string seed) =>
        await ReaderInvariants.ReadAndCheckAsync(Path.Combine(FuzzFolder, seed), TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(AllFormats))]
    public async Task A_bounded_afl_run_saves_no_crash(string format)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("BOT_FUZZ_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20;
        if (seconds == 0) Assert.Skip("BOT_FUZZ_SECONDS=0: fuzzing is off.");
        if (!OnPath("afl-fuzz")) Assert.Skip("afl-fuzz is not installed (apt-get install afl++); the seeds are still checked.");

        using var findings = new TempDirectory();
        var start = new ProcessStartInfo(Path.Combine(FuzzFolder, "fuzz.sh"), [format, seconds.ToString(CultureInfo.InvariantCulture), findings.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SharedData.RepositoryRoot,
        };
        using var fuzz = Process.Start(start)!;
        var output = fuzz.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = fuzz.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds + 300));
        try
        {
            await fuzz.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            fuzz.Kill(entireProcessTree: true);
            throw;
        }
        TestContext.Current.TestOutputHelper?.WriteLine(await output);
        var crashes = Directory.Exists(Path.Combine(findings.Path, "default", "crashes"))
            ? string.Join("\n", Directory.EnumerateFiles(Path.Combine(findings.Path, "default", "crashes"), "id:*").Select(f => Convert.ToHexString(File.ReadAllBytes(f))))
            : "";
        Assert.True(fuzz.ExitCode == 0, $"fuzz.sh {format} exited {fuzz.ExitCode}: {await error}\ncrashing inputs (hex):\n{crashes}");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
}
