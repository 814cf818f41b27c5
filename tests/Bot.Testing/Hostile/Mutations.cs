using System.Text;
using CsCheck;

namespace Bot.Testing.Hostile;

/// <summary>
/// Well-formed input mutated the way fuzzers mutate it: bytes overwritten, ranges cut or repeated, syntax and
/// hostile text spliced in, one syntax fragment nested or repeated hundreds to thousands of times, the input
/// cut short. Plus, now and then, plain random bytes.
/// </summary>
public static class Mutations
{
    public static Gen<byte[]> Of(Gen<byte[]> wellFormed, IReadOnlyList<string> syntaxFragments) => Gen.Frequency(
        (1, Gen.Byte.Array[0, 2000]),
        (4, Gen.Select(wellFormed, Mutation(syntaxFragments).Array[1, 6],
            (bytes, mutations) => mutations.Aggregate(bytes, (mutated, mutate) => mutate(mutated)))));

    private static Gen<Func<byte[], byte[]>> Mutation(IReadOnlyList<string> syntaxFragments)
    {
        var fragments = syntaxFragments.Select(f => Encoding.UTF8.GetBytes(f)).ToArray();
        var fragment = Gen.Frequency(
            (3, Gen.OneOf(fragments)),
            (2, HostileText.Text(4).Select(t => Encoding.UTF8.GetBytes(t))),
            (1, Gen.Byte.Array[1, 8]));
        // Past 512: deeper than browsers nest HTML and than JSON readers allow by default.
        var deep = Gen.Select(Gen.OneOf(fragments), Gen.Int[520, 4_000], (f, times) => Repeat(f, times));
        return Gen.Frequency(
            (3, Gen.Select(Gen.Double.Unit, fragment, (at, piece) => (Func<byte[], byte[]>)(b => Insert(b, at, piece)))),
            (2, Gen.Select(Gen.Double.Unit, Gen.Byte, (at, value) => (Func<byte[], byte[]>)(b => Set(b, at, value)))),
            (2, Gen.Select(Gen.Double.Unit, Gen.Int[1, 64], (at, length) => (Func<byte[], byte[]>)(b => Cut(b, at, length)))),
            (1, Gen.Select(Gen.Double.Unit, Gen.Int[1, 64], (at, length) => (Func<byte[], byte[]>)(b => Duplicate(b, at, length)))),
            (1, Gen.Double.Unit.Select(at => (Func<byte[], byte[]>)(b => b[..Position(b, at)]))),
            (1, Gen.Select(Gen.Double.Unit, deep, (at, piece) => (Func<byte[], byte[]>)(b => Insert(b, at, piece)))));
    }

    private static int Position(byte[] bytes, double at) => (int)(at * bytes.Length);

    private static byte[] Insert(byte[] bytes, double at, byte[] piece) =>
        [.. bytes.AsSpan(0, Position(bytes, at)), .. piece, .. bytes.AsSpan(Position(bytes, at))];

    private static byte[] Set(byte[] bytes, double at, byte value)
    {
        if (bytes.Length == 0) return bytes;
        var copy = bytes.ToArray();
        copy[Math.Min(copy.Length - 1, Position(bytes, at))] = value;
        return copy;
    }

    private static byte[] Cut(byte[] bytes, double at, int length)
    {
        var start = Position(bytes, at);
        return [.. bytes.AsSpan(0, start), .. bytes.AsSpan(Math.Min(bytes.Length, start + length))];
    }

    private static byte[] Duplicate(byte[] bytes, double at, int length)
    {
        var start = Position(bytes, at);
        var piece = bytes.AsSpan(start, Math.Min(length, bytes.Length - start)).ToArray();
        return Insert(bytes, at, piece);
    }

    private static byte[] Repeat(byte[] piece, int times)
    {
        var result = new byte[piece.Length * times];
        for (var i = 0; i < times; i++) piece.CopyTo(result, i * piece.Length);
        return result;
    }

    /// <summary>The first bytes in hex, for a failing property's report.</summary>
    public static string Preview(byte[] bytes) =>
        $"{bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 96)))}";
}
