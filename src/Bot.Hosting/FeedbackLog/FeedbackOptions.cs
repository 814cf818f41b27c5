namespace Bot.Hosting.FeedbackLog;

/// <summary>Where feedback is kept (configuration section "Feedback").</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>Folder of feedback.jsonl; unset: "feedback" inside the archive folder (Store:DataDirectory).</summary>
    public string Folder { get; set; } = "";
}
