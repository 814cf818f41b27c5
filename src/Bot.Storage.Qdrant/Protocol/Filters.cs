namespace Bot.Storage.Qdrant.Protocol;

internal sealed record Filter
{
    public IReadOnlyList<Condition>? Must { get; init; }
    public IReadOnlyList<Condition>? Should { get; init; }
    public IReadOnlyList<Condition>? MustNot { get; init; }
}

/// <summary>
/// One member of Qdrant's Condition union; exactly one shape is filled: a field condition
/// (<see cref="Key"/> with <see cref="Match"/> or <see cref="Range"/>), <see cref="IsEmpty"/>,
/// <see cref="HasVector"/>, or a nested filter (<see cref="Must"/>/<see cref="MustNot"/>).
/// Build them with <see cref="Conditions"/>.
/// </summary>
internal sealed record Condition
{
    public string? Key { get; init; }
    public Match? Match { get; init; }
    public DatetimeRange? Range { get; init; }
    public PayloadField? IsEmpty { get; init; }
    public string? HasVector { get; init; }
    public IReadOnlyList<Condition>? Must { get; init; }
    public IReadOnlyList<Condition>? MustNot { get; init; }
}

internal sealed record Match
{
    public string? Value { get; init; }
    public IReadOnlyList<string>? Any { get; init; }
}

internal sealed record DatetimeRange
{
    public DateTimeOffset? Gte { get; init; }
    public DateTimeOffset? Lte { get; init; }
}

internal sealed record PayloadField(string Key);

internal static class Conditions
{
    public static Condition Is(string key, string value) => new() { Key = key, Match = new Match { Value = value } };

    public static Condition AnyOf(string key, IEnumerable<string> values) =>
        new() { Key = key, Match = new Match { Any = values.Distinct(StringComparer.Ordinal).ToList() } };

    public static Condition Between(string key, DateTimeOffset? from, DateTimeOffset? to) =>
        new() { Key = key, Range = new DatetimeRange { Gte = from, Lte = to } };

    public static Condition Empty(string key) => new() { IsEmpty = new PayloadField(key) };

    public static Condition Vector(string name) => new() { HasVector = name };

    public static Condition Nested(IReadOnlyList<Condition> must, IReadOnlyList<Condition>? mustNot = null) =>
        new() { Must = must, MustNot = mustNot };

    public static Condition Kind(string kind) => Is(PayloadKeys.Kind, kind);
}
