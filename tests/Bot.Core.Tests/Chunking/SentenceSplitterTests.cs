using Bot.Core.Chunking;
using Bot.Testing;

namespace Bot.Core.Tests.Chunking;

public sealed class SentenceSplitterTests
{
    /// <summary>Real sentences from the ISOT Reuters sample; each group is joined by spaces and must split back.</summary>
    public static TheoryData<string[]> RealSentenceGroups => new(Groups);

    private static readonly string[][] Groups =
    [
        [
            "WASHINGTON (Reuters) - U.S. Defense Secretary Jim Mattis said on Monday there was no indication that Russia wanted a positive relationship with the United States, saying it had chosen to be a strategic competitor.",
            "“At this time ... I do not see any indication that Mr. Putin would want a positive relationship with us.",
            "That is not to say we can’t get there as we look for common ground,” Mattis told a House Armed Services Committee hearing, referring to Russian President Vladimir Putin.",
        ],
        [
            "With Congress due to be closed until Sept. 5, voters may ask: What happened to repealing and replacing Obamacare?",
            "Overhauling the tax code?",
            "Investing more money in job-creating infrastructure projects?",
            "The awkward answer for Republican lawmakers and Trump is “not much.”",
            "Despite having control of the White House, the Senate and the House of Representatives since the November 2016 elections, Republicans have not delivered on their biggest campaign promises.",
        ],
        [
            "Railroads Norfolk Southern Corp (NSC.N) and Union Pacific Corp rose 3.3 percent and 4 percent respectively.",
            "U.S. railroads have suffered as coal shipments have declined.",
            "“A new administration may result in less regulatory pressure for utilities, the competition offered by natural gas doesn’t change,” said Michael Trevino, spokesman for No. 2 U.S. railroad BNSF, which is owned by Berkshire Hathaway Inc(BRKa.N).",
            "Trump’s victory over Democrat Hillary Clinton cast a dark cloud over delegates attending a 200-nation meeting in Marrakesh being held from Nov. 7-18 to celebrate the start of the 2015 Paris Agreement to limit global warming last Friday.",
        ],
        [
            "Italy s state-owned rail company, Ferrovie dello Stato, is a consultant in the building of a 415-km (260-mile) high-speed north-south rail line between Tehran to Isfahan via Qom by state-owned China Railway Engineering Corp.",
            "The Italian firm is separately contracted to build a line from Qom west to Arak, but it needs 1.2 billion euros in financing.",
        ],
        [
            "Ross, 78, heads the private equity firm W.L. Ross & Co.",
            "His net worth was pegged by Forbes at about $2.9 billion.",
        ],
        [
            "Retailers still selling Ivanka Trump products include Macy’s Inc, TJX Cos, Hudson’s Bay Co, which runs high-end chains like Lord & Taylor, and Dillard’s Inc.",
            "Retailers that have dropped Ivanka Trump include Neiman Marcus [NMRCUS.UL].",
        ],
        [
            "Trump has ignored the recommendations of national security adviser H.R. McMaster and his senior director for Russia, Fiona Hill, on dealing with Russian President Vladimir Putin, the officials said, speaking on condition of anonymity.",
            "They said McMaster is frustrated by continuing debate about sending more U.S. forces to Afghanistan.",
        ],
        [
            "Retaining the aircraft will cost $3.4 billion over the five-year period.",
            "The budget would continue to shrink the size of the U.S. Army, which will drop to 460,000 soldiers in 2017 from the current 475,000.",
        ],
        [
            "He had previously worked in the administration of former President George W. Bush.",
            "In Minnesota, 400 Trump supporters packed the state capitol rotunda in St. Paul and were met by a smaller group of counter-demonstrators, according to the Star Tribune.",
        ],
        [
            "(This Nov. 24 story has been refiled to correct paragraph eight to say former CEO was not among the five people prosecuted.)",
            "HANOI (Reuters) - Vietnam has prosecuted five former officials of the unlisted Dong A Bank for violating rules that  lead to serious consequences , police said on Friday, part of a widening investigation involving the Ho Chi Minh City-based lender.",
        ],
        [
            "FORT LAUDERDALE, Fla. (Reuters) - Emergency management officials across South Florida hastened disaster preparations on Tuesday in anticipation of Hurricane Irma s expected weekend arrival on the U.S. mainland with possibly greater force than Hurricane Harvey unleashed on Texas.",
            "Irma, a Category 5 storm - the highest hurricane ranking used by U.S. forecasters - neared the Caribbean s northern Leeward Islands, east of Puerto Rico, late on Tuesday with maximum sustained winds of 185 miles per hour (300 km/h).",
        ],
        [
            "So I said we should try and just put the song out to show our support against police brutality.",
            "Suddenly it was spreading all over the place...",
            "And then I noticed that someone shared us on Twitter and it wound up actually being a Catalan politician,  Osegueda said.",
        ],
        [
            "The Kuwaiti and Azerbaijani governments have already hosted events at the Trump International Hotel in Washington, D.C.",
            "In March, the Government Accountability Office said it would review the lease.",
        ],
        [
            "* Florida: Oct. 24 to Nov. 6",
            "* Iowa: Sept. 29 to Nov. 7",
            "* Nevada: Oct. 22 to Nov. 4",
        ],
    ];

    [Theory]
    [MemberData(nameof(RealSentenceGroups))]
    public void Splits_real_news_sentences(string[] sentences)
    {
        var text = string.Join(" ", sentences);

        Assert.Equal(sentences, Sentences(text));
    }

    public static TheoryData<string, string[]> Cases => new()
    {
        { "", [] },
        { "  \n \r\n\t ", [] },
        { "No terminator at all", ["No terminator at all"] },
        { "  Padded sentence.   ", ["Padded sentence."] },
        // "U.S." at the end: a typical sentence opener splits, a proper-noun continuation does not.
        { "Troops were sent to the U.S. He said it was temporary.", ["Troops were sent to the U.S.", "He said it was temporary."] },
        { "He joined the U.S. Army in 1981.", ["He joined the U.S. Army in 1981."] },
        { "The U.N. Security Council met. The U.S. “will act,” he said.", ["The U.N. Security Council met.", "The U.S. “will act,” he said."] },
        { "She flew to the U.S. “It was time,” she said.", ["She flew to the U.S.", "“It was time,” she said."] },
        { "Gen. John Kelly met Sen. Bob Corker, Rep. Adam Schiff and Gov. Jerry Brown.", ["Gen. John Kelly met Sen. Bob Corker, Rep. Adam Schiff and Gov. Jerry Brown."] },
        { "Mr. and Mrs. Smith met Dr. Jones on St. Patrick’s Day.", ["Mr. and Mrs. Smith met Dr. Jones on St. Patrick’s Day."] },
        { "It was Roe v. Wade, not Trump vs. Clinton.", ["It was Roe v. Wade, not Trump vs. Clinton."] },
        { "On Oct. 4 and Jan. 20 it rained. It ended in Oct. Then it snowed.", ["On Oct. 4 and Jan. 20 it rained.", "It ended in Oct.", "Then it snowed."] },
        { "He is the No. 2 official. No. That is wrong.", ["He is the No. 2 official.", "No.", "That is wrong."] },
        { "J. A. Smith and George W. Bush spoke.", ["J. A. Smith and George W. Bush spoke."] },
        { "Apple Inc. said profit rose. Shares of Apple Inc. (AAPL.O) rose.", ["Apple Inc. said profit rose.", "Shares of Apple Inc. (AAPL.O) rose."] },
        { "It bought Acme Corp. The deal closed Friday.", ["It bought Acme Corp.", "The deal closed Friday."] },
        { "A $100million base cost $1.2 billion, up 3.5 percent.", ["A $100million base cost $1.2 billion, up 3.5 percent."] },
        { "The vote is at 9 a.m. EDT on Monday. At 5 p.m. The count begins.", ["The vote is at 9 a.m. EDT on Monday.", "At 5 p.m.", "The count begins."] },
        { "He said the rules, e.g. the tariffs, etc. would stay.", ["He said the rules, e.g. the tariffs, etc. would stay."] },
        { "He said: \"We will win.\" Next came the vote.", ["He said: \"We will win.\"", "Next came the vote."] },
        { "It rained (as forecast it.) Then it cleared.", ["It rained (as forecast it.)", "Then it cleared."] },
        { "“Why now?” he asked. Why not? Nobody knew!", ["“Why now?” he asked.", "Why not?", "Nobody knew!"] },
        { "Really?! Yes.", ["Really?!", "Yes."] },
        { "He paused… Then he left. He said “I … Well” and stopped.", ["He paused…", "Then he left.", "He said “I … Well” and stopped."] },
        { "Line one without a stop\nLine two.\r\nLine three", ["Line one without a stop", "Line two.", "Line three"] },
        { "Sales rose at U.S.-based firms. Growth was 2.5%.", ["Sales rose at U.S.-based firms.", "Growth was 2.5%."] },
        // Scraped wire text sometimes glues sentences together.
        { "Trump wrote on Friday morning.Public opinion polls disagreed.", ["Trump wrote on Friday morning.", "Public opinion polls disagreed."] },
        { "“It has things to hide.”During the Obama years, groups sued.", ["“It has things to hide.”", "During the Obama years, groups sued."] },
        { "Visit Amazon.com today. It “works.” So it said.", ["Visit Amazon.com today.", "It “works.”", "So it said."] },
        // Pieces without letters join a neighbouring sentence.
        { "The bill does two things: 1. Repeal the act. 2. Transfer the law.", ["The bill does two things: 1.", "Repeal the act.", "2. Transfer the law."] },
        { "He left.  . Then she came.", ["He left.", ". Then she came."] },
        { "It ended.  .", ["It ended.  ."] },
        { "2016.", ["2016."] },
        { "LOUISVILLE, Ky. (Reuters) - It was ill. Doctors came. Rain hit Ky. The storm moved.", ["LOUISVILLE, Ky. (Reuters) - It was ill.", "Doctors came.", "Rain hit Ky.", "The storm moved."] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_edge_cases(string text, string[] expected) => Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Seed_story_splits_into_its_lines_with_or_without_line_breaks()
    {
        var path = Path.Combine(SharedData.Require("seeds"), "niger-drones-reuters.txt");
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToArray();

        Assert.Equal(lines, Sentences(string.Join("\n", lines)));
        // Without the line breaks only the punctuation rules are left to find the same sentences.
        Assert.Equal(lines, Sentences(string.Join(" ", lines)));
    }

    [Fact]
    public void Spans_are_ordered_trimmed_and_cover_every_word_of_every_isot_row()
    {
        var rows = 0;
        foreach (var row in IsotSample.Rows())
        {
            rows++;
            AssertCoversText(row.Text, SentenceSplitter.Split(row.Text));
        }
        Assert.True(rows >= 2500, $"expected the 2,500 ISOT rows, read {rows}");
    }

    private static void AssertCoversText(string text, IReadOnlyList<TextSpan> spans)
    {
        var previousEnd = 0;
        foreach (var span in spans)
        {
            Assert.True(span.Start >= previousEnd && span.End > span.Start && span.End <= text.Length, $"bad span {span}");
            Assert.False(char.IsWhiteSpace(text[span.Start]) || char.IsWhiteSpace(text[span.End - 1]), $"untrimmed span {span}");
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..span.Start]), $"text lost before {span}");
            previousEnd = span.End;
        }
        Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..]), "text lost at the end");
    }

    private static string[] Sentences(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToArray();
}
