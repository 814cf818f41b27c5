using Bot.Core.Answering;
using Bot.Testing.Hostile;
using CsCheck;

namespace Bot.Core.Tests.Answering;

/// <summary>
/// The citation-marker parser under generated text (a model's output is untrusted): finding never throws and
/// gives ordered bracket spans; rewriting leaves exactly the markers asked for, so dropping one can never
/// splice its neighbours into a marker nobody checked; the text outside markers is kept.
/// </summary>
public sealed class CitationMarkersProperties
{
    private static readonly Gen<string> Answers = Gen.Frequency(
        (3, HostileText.Text(60)),
        (2, Gen.OneOf("[", "]", "1", "2", "12", "[1]", "[2]", " ", ",", ";", "[[", "]]", "٣", "word").Array[0, 30].Select(string.Concat)));

    [Fact]
    public void Markers_are_ordered_bracket_spans_with_positive_numbers()
    {
        Answers.Sample(text =>
        {
            var end = 0;
            foreach (var group in CitationMarkers.Find(text))
            {
                Assert.InRange(group.Start, end, text.Length - 3);
                Assert.Equal('[', text[group.Start]);
                Assert.Equal(']', text[group.End - 1]);
                Assert.NotEmpty(group.Numbers);
                Assert.All(group.Numbers, n => Assert.InRange(n, 0, 999));
                end = group.End;
            }
        }, iter: PropertyRuns.Iterations(3000));
    }

    [Fact]
    public void Rewriting_leaves_exactly_the_markers_asked_for()
    {
        // Keep a marker's numbers when the first is even, drop the group otherwise.
        static IEnumerable<int> KeepEven(MarkerGroup group) => group.Numbers[0] % 2 == 0 ? group.Numbers : [];

        Answers.Sample(text =>
        {
            var expected = CitationMarkers.Find(text).SelectMany(g => KeepEven(g).Distinct()).ToList();

            var rewritten = CitationMarkers.Rewrite(text, KeepEven);

            Assert.Equal(expected, CitationMarkers.Find(rewritten).SelectMany(g => g.Numbers));
            Assert.Empty(CitationMarkers.Find(CitationMarkers.Strip(text)));
        }, iter: PropertyRuns.Iterations(3000));
    }

    [Fact]
    public void Text_without_markers_is_left_exactly_as_it_is()
    {
        Answers.Where(text => CitationMarkers.Find(text).Count == 0).Sample(text =>
        {
            Assert.Equal(text, CitationMarkers.Strip(text));
            Assert.Equal(text, CitationMarkers.Rewrite(text, g => g.Numbers));
        }, iter: PropertyRuns.Iterations(1000));
    }
}
