using Bot.Core.Articles.Repair;

namespace Bot.Core.Tests.Articles;

public sealed class WhitespaceNormalizerTests
{
    [Theory]
    [InlineData("  a  b\t c  ", "a b c")]
    [InlineData("line one\r\nline two\rline three", "line one\nline two\nline three")]
    [InlineData("para one.\r\n\r\n\r\n\r\npara two.", "para one.\n\npara two.")]
    [InlineData("trailing   \n  leading", "trailing\nleading")]
    [InlineData("no\u00A0break\u2009thin", "no break thin")]
    [InlineData("layoffs.    The Obama", "layoffs. The Obama")]
    [InlineData(" \r\n \t ", "")]
    public void Normalizes_only_whitespace(string text, string expected) =>
        Assert.Equal(expected, WhitespaceNormalizer.Normalize(text));

    [Fact]
    public void Single_line_joins_lines_with_one_space() =>
        Assert.Equal("Tim Cocks and Abdoulaye Massalatchi", WhitespaceNormalizer.SingleLine(" Tim Cocks\n\nand  Abdoulaye\r\nMassalatchi "));
}
