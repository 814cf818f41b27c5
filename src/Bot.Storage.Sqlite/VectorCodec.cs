using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Vectors on disk are float16 (2 bytes a dimension: 1 KiB for 512-d), precise enough for cosine rescoring;
/// in memory they are int8 with one scale per vector (512 B + 4), which the brute-force scan reads.
/// </summary>
internal static class VectorCodec
{
    public static byte[] ToHalfBlob(ReadOnlySpan<float> vector)
    {
        var blob = new byte[vector.Length * 2];
        for (var i = 0; i < vector.Length; i++)
            BinaryPrimitives.WriteHalfLittleEndian(blob.AsSpan(i * 2), (Half)vector[i]);
        return blob;
    }

    public static float[] FromHalfBlob(ReadOnlySpan<byte> blob)
    {
        var vector = new float[blob.Length / 2];
        for (var i = 0; i < vector.Length; i++)
            vector[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(blob.Slice(i * 2));
        return vector;
    }

    /// <summary>Symmetric int8 quantisation: value ≈ code * scale, with the largest magnitude mapped to 127.</summary>
    public static float QuantizeInt8(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var max = 0f;
        foreach (var v in vector) max = MathF.Max(max, MathF.Abs(v));
        if (max == 0) { codes.Clear(); return 0; }
        var scale = max / 127f;
        for (var i = 0; i < vector.Length; i++)
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        return scale;
    }

    public static ReadOnlySpan<byte> AsBytes(ReadOnlySpan<sbyte> codes) => MemoryMarshal.AsBytes(codes);
}
