using System.Text;
using Bot.Testing.Hostile;
using CsCheck;

namespace Bot.Core.Tests.Articles.Properties;

/// <summary>
/// Files a reader must survive: random bytes, and well-formed files of its format mutated the way fuzzers
/// mutate them (bytes flipped, ranges cut or repeated, syntax and hostile text spliced in, a fragment nested
/// thousands deep, the file cut short).
/// </summary>
public static class HostileBytes
{
    public static Gen<byte[]> For(ReaderCase format) => Gen.Frequency(
        (1, Gen.Byte.Array[0, 2000]),
        (4, Gen.Select(GeneratedArticle.Many(5), Mutation(format).Array[1, 6],
            (articles, mutations) => mutations.Aggregate(format.Write(articles), (bytes, mutate) => mutate(bytes)))));

    private static Gen<Func<byte[], byte[]>> Mutation(ReaderCase format)
    {
        var fragments = format.SyntaxFragments.Select(f => Encoding.UTF8.GetBytes(f)).ToArray();
        var fragment = Gen.Frequency(
            (3, Gen.OneOf(fragments)),
            (2, HostileText.Text(4).Select(t => Encoding.UTF8.GetBytes(t))),
            (1, Gen.Byte.Array[1, 8]));
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
}
