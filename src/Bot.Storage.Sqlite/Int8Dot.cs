using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Bot.Storage.Sqlite;

/// <summary>Integer dot product of int8 vectors, the inner loop of the brute-force dense scan.</summary>
internal static class Int8Dot
{
    public static int Compute(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = 0;
        var i = 0;
        if (Avx2.IsSupported && a.Length >= 32)
        {
            var acc = Vector256<int>.Zero;
            for (; i <= a.Length - 32; i += 32)
            {
                var (aLo, aHi) = Vector256.Widen(Vector256.Create(a.Slice(i, 32)));
                var (bLo, bHi) = Vector256.Widen(Vector256.Create(b.Slice(i, 32)));
                // Pairwise multiply-add of int16 lanes into int32: no overflow for int8 inputs.
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aLo, bLo));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aHi, bHi));
            }
            sum = Vector256.Sum(acc);
        }
        for (; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
