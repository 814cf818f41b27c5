using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Storage.Qdrant.Protocol;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class VectorJsonTests
{
    [Fact]
    public void Every_float_bit_pattern_tried_reads_back_exactly()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 200_000).Select(_ => BitConverter.Int32BitsToSingle(random.Next() | (random.Next(2) << 31)))
            .Where(float.IsFinite)
            .Concat([0f, -0f, 1f, -1f, 0.1f, 0.5f, 10f, 1e9f, 999999999f, 123456789f, 1e-6f, 1.5e-6f, 9.99999e-7f, 0.00001f,
                float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1.17549435e-38f, 9.99999935e-39f]);
        Span<byte> buffer = stackalloc byte[FloatText.MaxBytes];
        foreach (var value in samples)
        {
            var text = Encoding.ASCII.GetString(buffer[..FloatText.Write(value, buffer)]);
            Assert.True(BitConverter.SingleToInt32Bits(value) == BitConverter.SingleToInt32Bits(float.Parse(text, CultureInfo.InvariantCulture)),
                $"{value:R} written as {text}");
            Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(text).RootElement.ValueKind);
        }
    }

    [Theory]
    [InlineData(0.5f, "0.5")]
    [InlineData(-0.046875f, "-0.046875")]
    [InlineData(0.1f, "0.100000001")]
    [InlineData(1f, "1")]
    [InlineData(1234.5f, "1234.5")]
    [InlineData(1e9f, "1E9")]
    [InlineData(3e-7f, "3.00000011E-7")]
    [InlineData(-1.23456789e-6f, "-0.00000123456789")]
    [InlineData(0f, "0")]
    public void Numbers_are_plain_when_short_and_in_exponent_form_when_not(float value, string expected)
    {
        Span<byte> buffer = stackalloc byte[FloatText.MaxBytes];
        Assert.Equal(expected, Encoding.ASCII.GetString(buffer[..FloatText.Write(value, buffer)]));
    }

    [Fact]
    public void Multivectors_and_sparse_vectors_are_written_as_json()
    {
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 3).Select(_ => (ReadOnlyMemory<float>)Enumerable.Range(0, 512).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray()).ToList();
        var multi = JsonNode.Parse(Write(w => VectorJson.WriteMulti(w, vectors)))!.AsArray();
        Assert.Equal(vectors.Select(v => v.ToArray()), multi.Select(row => row!.AsArray().Select(x => (float)x!).ToArray()));

        var sparse = JsonNode.Parse(Write(w => VectorJson.WriteSparse(w, new SparseVector([0, 7, uint.MaxValue], [1f, 0.5f, 1.25e-3f]))))!;
        Assert.Equal([0u, 7u, uint.MaxValue], sparse["indices"]!.AsArray().Select(x => (uint)x!));
        Assert.Equal([1f, 0.5f, 1.25e-3f], sparse["values"]!.AsArray().Select(x => (float)x!));
    }

    [Fact]
    public void Non_finite_values_are_refused() =>
        Assert.Throws<JsonException>(() => Write(w => VectorJson.WriteMulti(w, [new[] { 1f, float.NaN }])));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
