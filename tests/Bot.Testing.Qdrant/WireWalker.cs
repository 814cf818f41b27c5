using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Bot.Testing.Qdrant;

/// <summary>
/// Reads protobuf bytes against a message descriptor without a generated type: each field number must be one the
/// descriptor defines, with the wire type its type calls for, each enum value must be defined, and embedded messages
/// are walked the same way. What bytes do, not what a newer client's classes call them, is what an older server sees.
/// </summary>
internal static class WireWalker
{
    public static void Walk(byte[] bytes, MessageDescriptor message, string path, List<string> problems)
    {
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            var wireType = WireFormat.GetTagWireType(tag);
            var field = message.FindFieldByNumber(number);
            if (field is null)
            {
                problems.Add($"{path}: field {number} is not in Qdrant 1.19's {message.FullName}");
                input.SkipLastField();
                continue;
            }
            var where = $"{path}.{field.Name}";
            var packed = field.IsRepeated && wireType == WireFormat.WireType.LengthDelimited && IsPackable(field.FieldType);
            if (!packed && wireType != WireTypeOf(field.FieldType))
            {
                problems.Add($"{where}: sent as wire type {wireType}, 1.19 declares {field.FieldType}");
                input.SkipLastField();
                continue;
            }
            switch (field.FieldType)
            {
                case FieldType.Message:
                    Walk(input.ReadBytes().ToByteArray(), field.MessageType, where, problems);
                    break;
                case FieldType.Enum when packed:
                    var values = new CodedInputStream(input.ReadBytes().ToByteArray());
                    while (!values.IsAtEnd) CheckEnum(field, values.ReadEnum(), where, problems);
                    break;
                case FieldType.Enum:
                    CheckEnum(field, input.ReadEnum(), where, problems);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
    }

    private static void CheckEnum(FieldDescriptor field, int value, string where, List<string> problems)
    {
        if (field.EnumType.FindValueByNumber(value) is null)
            problems.Add($"{where}: {value} is not a value of Qdrant 1.19's {field.EnumType.FullName}");
    }

    private static bool IsPackable(FieldType type) => type is not (FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group);

    private static WireFormat.WireType WireTypeOf(FieldType type) => type switch
    {
        FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64 => WireFormat.WireType.Fixed64,
        FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32 => WireFormat.WireType.Fixed32,
        FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
        FieldType.Group => WireFormat.WireType.StartGroup,
        _ => WireFormat.WireType.Varint,
    };
}
