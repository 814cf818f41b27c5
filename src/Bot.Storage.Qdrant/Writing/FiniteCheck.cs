using System.Numerics;
using System.Runtime.InteropServices;

namespace Bot.Storage.Qdrant.Writing;

/// <summary>Vectors are checked for NaN and infinity before anything is written (Qdrant would refuse them mid-save); a SIMD register at a time.</summary>
internal static class FiniteCheck
{
    /// <summary>True when no value is NaN or infinite: x·0 is 0 for every finite x and NaN otherwise, and NaN survives the sum.</summary>
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        var blocks = MemoryMarshal.Cast<float, Vector<float>>(values);
        var sum = Vector<float>.Zero;
        foreach (var block in blocks) sum += block * Vector<float>.Zero;
        var total = Vector.Sum(sum);
        for (var i = blocks.Length * Vector<float>.Count; i < values.Length; i++) total += values[i] * 0f;
        return total == 0f;
    }
}
