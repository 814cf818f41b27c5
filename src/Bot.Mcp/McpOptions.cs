namespace Bot.Mcp;

/// <summary>The archive's MCP server (configuration section "Mcp").</summary>
public sealed class McpOptions
{
    public const string SectionName = "Mcp";

    /// <summary>Longest wait for the ask tool's answer.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Most passages search_archive returns.</summary>
    public int MaxTop { get; set; } = 50;
}
