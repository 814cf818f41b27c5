namespace Bot.Benchmarks;

/// <summary>The machine's load when a benchmark starts: CPU-time rows inflate on a busy shared machine, so they carry it.</summary>
public static class MachineLoad
{
    public static BenchmarkRow AtStart() => new("machine load average (1 min) at start", Now());

    /// <summary>The 1-minute load average now.</summary>
    public static string Now() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
