using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Storage.Qdrant.Protocol;

/// <summary>
/// Writes vectors as JSON. Numbers are formatted with <see cref="FloatText"/> into one pooled buffer and handed
/// to the writer as one raw value (a whole multivector at once), a fraction of the cost of System.Text.Json's
/// per-number path: vectors are nearly all of an upload (5 sentence vectors × 512 floats per chunk).
/// </summary>
internal static class VectorJson
{
    private const int MaxIndexBytes = 10; // uint.MaxValue

    /// <summary>A multivector, <c>[[x,y,...],[...]]</c>.</summary>
    public static void WriteMulti(Utf8JsonWriter writer, IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2 + vectors.Sum(v => MaxBytes(v.Length) + 1));
        try
        {
            var length = 0;
            buffer[length++] = (byte)'[';
            for (var i = 0; i < vectors.Count; i++)
            {
                if (i > 0) buffer[length++] = (byte)',';
                length += Format(vectors[i].Span, buffer.AsSpan(length));
            }
            buffer[length++] = (byte)']';
            writer.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>A sparse vector, <c>{"indices":[...],"values":[...]}</c>.</summary>
    public static void WriteSparse(Utf8JsonWriter writer, SparseVector sparse)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(MaxBytes(sparse.Values.Length), 2 + sparse.Indices.Length * (MaxIndexBytes + 1)));
        try
        {
            writer.WriteStartObject();
            writer.WritePropertyName("indices"u8);
            writer.WriteRawValue(buffer.AsSpan(0, Format(sparse.Indices, buffer)), skipInputValidation: true);
            writer.WritePropertyName("values"u8);
            writer.WriteRawValue(buffer.AsSpan(0, Format(sparse.Values, buffer)), skipInputValidation: true);
            writer.WriteEndObject();
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>The most bytes a vector of <paramref name="floats"/> values takes.</summary>
    public static int MaxBytes(int floats) => 2 + floats * (FloatText.MaxBytes + 1);

    private static int Format(ReadOnlySpan<float> vector, Span<byte> destination)
    {
        if (!FiniteCheck.AllFinite(vector))
        {
            var bad = 0;
            while (float.IsFinite(vector[bad])) bad++;
            throw new JsonException($"Vector element {bad} is {vector[bad]}; JSON has no such number.");
        }
        var length = 0;
        destination[length++] = (byte)'[';
        for (var i = 0; i < vector.Length; i++)
        {
            if (i > 0) destination[length++] = (byte)',';
            length += FloatText.Write(vector[i], destination[length..]);
        }
        destination[length++] = (byte)']';
        return length;
    }

    private static int Format(ReadOnlySpan<uint> indices, Span<byte> destination)
    {
        var length = 0;
        destination[length++] = (byte)'[';
        for (var i = 0; i < indices.Length; i++)
        {
            if (i > 0) destination[length++] = (byte)',';
            Utf8Formatter.TryFormat(indices[i], destination[length..], out var written);
            length += written;
        }
        destination[length++] = (byte)']';
        return length;
    }
}

/// <summary>For <see cref="NamedVectors.Dense"/>: one vector per sentence, a multivector.</summary>
internal sealed class MultiVectorConverter : JsonConverter<IReadOnlyList<ReadOnlyMemory<float>>>
{
    public override IReadOnlyList<ReadOnlyMemory<float>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Vectors are only written.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ReadOnlyMemory<float>> value, JsonSerializerOptions options) =>
        VectorJson.WriteMulti(writer, value);
}

internal sealed class SparseVectorConverter : JsonConverter<SparseVector>
{
    public override SparseVector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Vectors are only written.");

    public override void Write(Utf8JsonWriter writer, SparseVector value, JsonSerializerOptions options) =>
        VectorJson.WriteSparse(writer, value);
}
