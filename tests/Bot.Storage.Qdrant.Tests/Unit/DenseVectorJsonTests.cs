using System.Buffers;
using System.Text.Json;
using Bot.Storage.Qdrant.Protocol;

namespace Bot.Storage.Qdrant.Tests.Unit;

public sealed class DenseVectorJsonTests
{
    [Fact]
    public void Vectors_round_trip_exactly()
    {
        var random = new Random(7);
        var vector = Enumerable.Range(0, 512).Select(_ => (float)(random.NextDouble() * 2 - 1) * MathF.Pow(10, random.Next(-12, 3))).Append(0f).Append(-0.5f).ToArray();
        var json = Write(vector);
        Assert.Equal(vector, JsonSerializer.Deserialize<float[]>(json));
    }

    [Fact]
    public void Non_finite_values_are_refused() =>
        Assert.Throws<JsonException>(() => Write([1f, float.NaN]));

    private static string Write(float[] vector)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) DenseVectorJson.Write(writer, vector);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
