namespace Bot.Core.Answering.Spans;

/// <summary>What a span of a sentence names or measures.</summary>
/// <remarks><see cref="Country"/> is a place that can also act ("Niger has asked..."); <see cref="Place"/> any other.</remarks>
public enum SpanKind { Person, Organisation, Place, Country, Name, Date, Time, Number, Money, Percent, Duration, Age }

/// <summary>
/// A phrase of a sentence that can answer a question on its own: a name, date or amount. Offsets are into the
/// sentence; <see cref="Value"/> is a comparable form (a resolved date, a number, a lower-cased name) so two
/// stories stating the same fact in different words can be told to agree.
/// </summary>
public sealed record AnswerSpan(int Start, int End, SpanKind Kind, string Text, string Value)
{
    public int Length => End - Start;

    public bool Overlaps(AnswerSpan other) => Start < other.End && other.Start < End;

    public bool IsName => Kind is SpanKind.Person or SpanKind.Organisation or SpanKind.Place or SpanKind.Country or SpanKind.Name;

    public bool IsAmount => Kind is SpanKind.Number or SpanKind.Money or SpanKind.Percent or SpanKind.Duration or SpanKind.Age;
}
