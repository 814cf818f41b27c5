using System.Globalization;
using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Bot.Testing.Qdrant;

/// <summary>
/// Qdrant's filter semantics over payloads: must (all), should (at least one), must_not (none); field conditions
/// (keyword match, match-any, datetime range), is_empty (missing, null or an empty list), has_id, has_vector and
/// nested filters. Anything else is refused, so the store cannot come to rely on what the fake does not check.
/// </summary>
public static class FakeFilter
{
    public static bool Matches(Filter? filter, FakePoint point) =>
        filter is null
        || (filter.Must.All(c => Condition(c, point))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Condition(c, point)))
            && !filter.MustNot.Any(c => Condition(c, point)));

    private static bool Condition(Condition condition, FakePoint point) => condition.ConditionOneOfCase switch
    {
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.IsEmpty => Values(point.Payload, condition.IsEmpty.Key).Count == 0,
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => FakePoint.Key(id) == point.Id),
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.HasVector =>
            point.Dense.ContainsKey(condition.HasVector.HasVector) || point.Sparse.ContainsKey(condition.HasVector.HasVector),
        global::Qdrant.Client.Grpc.Condition.ConditionOneOfOneofCase.Field => Field(condition.Field, point),
        _ => throw Refused($"condition {condition.ConditionOneOfCase}"),
    };

    private static bool Field(FieldCondition field, FakePoint point)
    {
        var values = Values(point.Payload, field.Key);
        if (field.Match is { } match)
            return match.MatchValueCase switch
            {
                Match.MatchValueOneofCase.Keyword => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && v.StringValue == match.Keyword),
                Match.MatchValueOneofCase.Keywords => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && match.Keywords.Strings.Contains(v.StringValue)),
                _ => throw Refused($"match {match.MatchValueCase}"),
            };
        if (field.DatetimeRange is { } range)
            return values.Any(v => Time(v) is { } t
                && (range.Gte is null || t >= range.Gte.ToDateTimeOffset()) && (range.Lte is null || t <= range.Lte.ToDateTimeOffset())
                && (range.Gt is null || t > range.Gt.ToDateTimeOffset()) && (range.Lt is null || t < range.Lt.ToDateTimeOffset()));
        throw Refused($"field condition on '{field.Key}' without match or datetime_range");
    }

    /// <summary>A payload value as a list of values: a list as it is, null or missing as none.</summary>
    public static List<Value> Values(MapField<string, Value> payload, string key) =>
        !payload.TryGetValue(key, out var value) ? []
        : value.KindCase == Value.KindOneofCase.ListValue ? [.. value.ListValue.Values]
        : value.KindCase == Value.KindOneofCase.NullValue ? []
        : [value];

    /// <summary>An RFC 3339 string as a point in time (what Qdrant's datetime index parses), else null.</summary>
    public static DateTimeOffset? Time(Value value) =>
        value.KindCase == Value.KindOneofCase.StringValue
        && DateTimeOffset.TryParse(value.StringValue, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time : null;

    public static RpcException Refused(string what) =>
        new(new Status(StatusCode.InvalidArgument, $"Wrong input: this fake does not support {what}"));
}
