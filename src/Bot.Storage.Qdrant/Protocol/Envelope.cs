namespace Bot.Storage.Qdrant.Protocol;

/// <summary>Every JSON answer of Qdrant: <c>{"result": ..., "status": "ok", "time": ...}</c>.</summary>
internal sealed record Envelope<T>(T? Result);
