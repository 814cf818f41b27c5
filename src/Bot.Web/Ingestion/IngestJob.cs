using Bot.Core.Ingestion;

namespace Bot.Web.Ingestion;

public enum IngestJobState { Queued, Running, Succeeded, Failed }

/// <summary>A requested ingest as callers see it: poll GET /api/ingest/{id} until it has succeeded or failed.</summary>
public sealed record IngestJobStatus(string Id, IngestJobState State, DateTimeOffset Created)
{
    public IngestProgress? Progress { get; init; }
    public IngestReport? Report { get; init; }
    public string? Error { get; init; }
}

/// <summary>What to ingest; <see cref="UploadFolder"/> holds uploaded files and is deleted afterwards.</summary>
internal sealed record IngestJob(string Id, IReadOnlyList<string> Inputs, string? UploadFolder);
