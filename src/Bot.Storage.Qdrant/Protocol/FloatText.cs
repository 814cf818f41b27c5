using System.Globalization;

namespace Bot.Storage.Qdrant.Protocol;

/// <summary>
/// Formats a finite float as a JSON number with 9 significant digits, trailing zeros dropped, about three
/// times faster than <c>float.TryFormat</c>'s shortest round-trip search; uploads write millions of them.
/// Nine significant digits always identify a float32 (its neighbours are at least 2^-24 ≈ 6e-8 apart
/// relative to the value; nine digits are 1e-8 apart), and the one double multiply used here is off by
/// far less than one unit of the ninth digit, so the parser gets back exactly the same float. The text is
/// about one byte longer than the shortest form on average.
/// </summary>
internal static class FloatText
{
    /// <summary>Longest output: "-0.00000123456789".</summary>
    public const int MaxBytes = 17;

    private const int MinPower = -60, MaxPower = 60;
    private static readonly double[] Powers = Enumerable.Range(MinPower, MaxPower - MinPower + 1)
        .Select(k => double.Parse($"1e{k}", CultureInfo.InvariantCulture)).ToArray();
    private static readonly byte[] TwoDigits = Enumerable.Range(0, 100).SelectMany(i => new[] { (byte)('0' + i / 10), (byte)('0' + i % 10) }).ToArray();

    private static double Power(int exponent) => Powers[exponent - MinPower];

    /// <returns>The bytes written to <paramref name="destination"/> (at least <see cref="MaxBytes"/> long).</returns>
    public static int Write(float value, Span<byte> destination)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        var length = 0;
        if ((bits & 0x8000_0000u) != 0) destination[length++] = (byte)'-';
        bits &= 0x7FFF_FFFFu;
        if (bits == 0)
        {
            destination[length++] = (byte)'0';
            return length;
        }
        double magnitude = BitConverter.UInt32BitsToSingle(bits);
        var binaryExponent = (int)(bits >> 23) - 127;
        // floor(log10) from the binary exponent (exact for the lower end of the octave; may be one short),
        // from the value itself for subnormals.
        // (e2 · 78913) >> 18 is floor(e2 · log10 2) over the float range.
        var exponent = binaryExponent > -127 ? (binaryExponent * 78913) >> 18 : (int)Math.Floor(Math.Log10(magnitude));
        var digits = (int)(magnitude * Power(8 - exponent) + 0.5);
        while (digits >= 1_000_000_000) digits = (int)(magnitude * Power(8 - ++exponent) + 0.5);
        while (digits < 100_000_000) digits = (int)(magnitude * Power(8 - --exponent) + 0.5);

        var count = 9;
        while (digits % 10 == 0) { digits /= 10; count--; }

        var point = exponent + 1; // the value is 0.<digits> × 10^point
        if (point is > -6 and <= 0)
        {
            destination[length++] = (byte)'0';
            destination[length++] = (byte)'.';
            for (var i = point; i < 0; i++) destination[length++] = (byte)'0';
            WriteDigits(digits, destination.Slice(length, count));
            return length + count;
        }
        if (point is > 0 and <= 9)
        {
            if (point >= count)
            {
                WriteDigits(digits, destination.Slice(length, count));
                length += count;
                for (var i = count; i < point; i++) destination[length++] = (byte)'0';
                return length;
            }
            // Digits first, then the fraction moved one place right to make room for the point.
            WriteDigits(digits, destination.Slice(length, count));
            destination.Slice(length + point, count - point).CopyTo(destination[(length + point + 1)..]);
            destination[length + point] = (byte)'.';
            return length + count + 1;
        }
        WriteDigits(digits, destination.Slice(length + 1, count)); // leave room for the point after the first digit
        destination[length] = destination[length + 1];
        if (count > 1)
        {
            destination[length + 1] = (byte)'.';
            length += count + 1;
        }
        else length += 1;
        destination[length++] = (byte)'E';
        if (exponent < 0) destination[length++] = (byte)'-';
        var e = Math.Abs(exponent);
        if (e >= 10) destination[length++] = (byte)('0' + e / 10);
        destination[length++] = (byte)('0' + e % 10);
        return length;
    }

    /// <summary>Writes <paramref name="digits"/> right-aligned into all of <paramref name="destination"/>, two at a time.</summary>
    private static void WriteDigits(int digits, Span<byte> destination)
    {
        var i = destination.Length;
        var rest = digits;
        while (i >= 2)
        {
            var pair = rest % 100 * 2;
            rest /= 100;
            destination[--i] = TwoDigits[pair + 1];
            destination[--i] = TwoDigits[pair];
        }
        if (i == 1) destination[0] = (byte)('0' + rest);
    }
}
