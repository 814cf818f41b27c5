using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Storage.Qdrant.Transport;

/// <summary>
/// A request body serialised straight into pooled memory: no array allocated and copied per request (upload
/// bodies are megabytes), and the same bytes serve every retry. Dispose returns the memory once the request is done.
/// </summary>
internal sealed class JsonBody : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer;
    private int written;

    private JsonBody(int capacity) => buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, written);

    /// <param name="capacity">The expected size, so the buffer is rented once instead of grown by copying.</param>
    public static JsonBody Of<T>(T value, JsonTypeInfo<T> type, long capacity = 4096)
    {
        var body = new JsonBody((int)Math.Clamp(capacity, 256, Array.MaxLength));
        try
        {
            // The writer's options, not the serializer's, decide escaping when serialising into a writer.
            using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = type.Options.Encoder, SkipValidation = true });
            JsonSerializer.Serialize(writer, value, type);
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsSpan(written);
    }

    private void Reserve(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length) return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        written = 0;
    }
}
