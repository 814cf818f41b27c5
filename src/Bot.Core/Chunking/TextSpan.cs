namespace Bot.Core.Chunking;

/// <summary>A half-open range <c>[Start, End)</c> of character offsets into a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    /// <summary>The characters of <paramref name="text"/> this span covers.</summary>
    public string Of(string text) => text[Start..End];
}
