using Bot.Core.Answering.Extractive;
using Bot.Core.Answering.Spans;

namespace Bot.Core.Tests.Answering.Extractive;

/// <summary>What kind of short answer a support-desk question asks for, read from its wording.</summary>
public class QuestionIntentTests
{
    [Theory]
    // who: anyone who acts, or a person when the question names a person's role
    [InlineData("Who asked the United States to arm its drones?", Wanted.Agent, null)]
    [InlineData("who told Reuters about the drones", Wanted.Agent, null)]
    [InlineData("Whose forces were ambushed?", Wanted.Agent, null)]
    [InlineData("And who?", Wanted.Agent, null)]
    [InlineData("Who is Sweden's ambassador to the UN?", Wanted.Person, null)]
    [InlineData("Who is the defence minister of Niger?", Wanted.Person, null)]
    // a noun beginning with "s" is a person noun too, and a plural counts as its singular
    [InlineData("Who is the senator from Iowa?", Wanted.Person, null)]
    [InlineData("Who did the suspects meet?", Wanted.Person, null)]
    [InlineData("Who at Twitter made the call to ban RT and Sputnik ads?", Wanted.Person, null)]
    [InlineData("Who on Clinton's policy team got the email?", Wanted.Person, null)]
    [InlineData("What is the name of the defence minister?", Wanted.Person, "minist")]
    [InlineData("What's the name of the London professor Papadopoulos lied to the FBI about?", Wanted.Person, "professor")]
    [InlineData("What's the name of the bodyguard who was shot in Nairobi?", Wanted.Agent, "bodyguard")]
    [InlineData("What's the name of the textile company whose factory exploded in Bursa?", Wanted.Organisation, "compani")]
    [InlineData("What's the name of Romano Fiore's pizzeria?", Wanted.Agent, "pizzeria")]
    [InlineData("Which Treasury official resigned?", Wanted.Person, "offici")]
    [InlineData("Which judges ruled on the case?", Wanted.Person, "judg")]
    [InlineData("Which group claimed the attack?", Wanted.Organisation, "group")]
    [InlineData("Which company bought the airline?", Wanted.Organisation, "compani")]
    [InlineData("Which Trump judicial nominee for Alabama said he'd withdraw?", Wanted.Person, "nomine")]
    [InlineData("Which hacker were the documents attributed to?", Wanted.Person, "hacker")]
    [InlineData("Which Democrat is leading the bill?", Wanted.Person, "democrat")]
    [InlineData("Which group of soldiers was ambushed?", Wanted.Organisation, "group")]
    [InlineData("What's Timochenko's real name?", Wanted.Person, null)]
    // where
    [InlineData("Where is the drone base?", Wanted.Place, null)]
    [InlineData("Where's the drone base?", Wanted.Place, null)]
    [InlineData("And where?", Wanted.Place, null)]
    [InlineData("In what city is the drone base?", Wanted.Place, null)]
    [InlineData("Which city hosts the drone base?", Wanted.Place, null)]
    [InlineData("Which country asked for armed drones?", Wanted.Place, "countri")]
    [InlineData("Which province was hit hardest?", Wanted.Place, null)]
    // when
    [InlineData("When did the ambush happen?", Wanted.Date, null)]
    [InlineData("So when was the vote?", Wanted.Date, null)]
    [InlineData("What year was the company founded?", Wanted.Date, null)]
    [InlineData("On what date did the ambush take place?", Wanted.Date, null)]
    [InlineData("Since when has the base been open?", Wanted.Date, null)]
    [InlineData("What time did the attack begin?", Wanted.Time, null)]
    [InlineData("At what hour did the polls close?", Wanted.Time, null)]
    // how many, how much, what percentage, how old, how long
    [InlineData("How many U.S. soldiers were killed?", Wanted.Count, "soldier")]
    [InlineData("how many troops does the US have in Niger", Wanted.Count, "troop")]
    [InlineData("How many people died in the attack?", Wanted.Count, "peopl")]
    [InlineData("How many aftershocks followed the quake near Tehran?", Wanted.Count, "aftershock")]
    [InlineData("How many armed men stormed the base?", Wanted.Count, "men")]
    [InlineData("How many Nigerien troops were in the team?", Wanted.Count, "troop")]
    [InlineData("How many?", Wanted.Count, null)]
    [InlineData("How much did the drone base cost?", Wanted.Money, null)]
    [InlineData("How much money did the company raise?", Wanted.Money, "money")]
    [InlineData("How much oil does Saudi Arabia produce?", Wanted.Amount, "oil")]
    [InlineData("What is the total cost of the program?", Wanted.Money, null)]
    [InlineData("What is the price of oil?", Wanted.Money, null)]
    [InlineData("What was the death toll?", Wanted.Amount, null)]
    [InlineData("What was the vote in the Senate?", Wanted.Amount, null)]
    [InlineData("What percentage of voters backed the measure?", Wanted.Percent, null)]
    [InlineData("By how much did sales rise?", Wanted.Percent, null)]
    [InlineData("What chance does PredictWise give Trump of getting the nomination?", Wanted.Percent, null)]
    [InlineData("What was the growth rate last year?", Wanted.Percent, null)]
    [InlineData("How old is Siti Aisyah?", Wanted.Age, null)]
    [InlineData("What was her age?", Wanted.Age, null)]
    [InlineData("At what age did he join the army?", Wanted.Age, null)]
    [InlineData("How long did the talks last?", Wanted.Duration, null)]
    [InlineData("For how many years was he in prison?", Wanted.Duration, null)]
    // an explanation, an account or an open question wants no short answer
    [InlineData("Why did Niger ask for armed drones?", Wanted.Any, null)]
    [InlineData("Who is Jason Miller?", Wanted.Any, null)]
    [InlineData("And who was Rick Gates?", Wanted.Any, null)]
    [InlineData("What caused the crash?", Wanted.Any, null)]
    [InlineData("What did the defence minister say about the ambush?", Wanted.Any, null)]
    [InlineData("How did Washington respond?", Wanted.Any, null)]
    [InlineData("What was Trump's reaction?", Wanted.Any, null)]
    [InlineData("Tell me about the Niger ambush", Wanted.Any, null)]
    [InlineData("Is the U.S. still in Niger?", Wanted.Any, null)]
    public void Support_desk_questions_want_what_their_wording_asks_for(string question, Wanted wanted, string? focus)
    {
        var intent = QuestionIntent.Of(question);

        Assert.Equal(wanted, intent.Wanted);
        Assert.Equal(focus, intent.Focus);
        Assert.Equal(wanted != Wanted.Any, intent.WantsShortAnswer);
    }

    [Theory]
    [InlineData("Why did Niger ask for armed drones?", true, false)]
    [InlineData("And why?", true, false)]
    [InlineData("What were the reasons for the delay?", true, false)]
    [InlineData("How come the base was built?", true, false)]
    [InlineData("What did Mountari say about the ambush?", false, true)]
    [InlineData("What does the Pentagon think of the plan?", false, true)]
    [InlineData("What was the minister's response?", false, true)]
    [InlineData("How did the Pentagon react?", false, true)]
    [InlineData("Who asked the United States to arm its drones?", false, false)]
    public void Why_and_said_questions_are_flagged(string question, bool why, bool said)
    {
        var intent = QuestionIntent.Of(question);

        Assert.Equal(why, intent.Why);
        Assert.Equal(said, intent.Said);
    }

    [Fact]
    public void Case_curly_apostrophes_and_extra_spaces_do_not_change_the_reading()
    {
        Assert.Equal(QuestionIntent.Of("Where's the drone base?"), QuestionIntent.Of("  WHERE’S   the drone   base? "));
        Assert.Equal(Wanted.Count, QuestionIntent.Of("HOW MANY U.S. SOLDIERS WERE KILLED?").Wanted);
    }

    [Theory]
    [InlineData(Wanted.Agent, new[] { SpanKind.Person, SpanKind.Organisation, SpanKind.Name, SpanKind.Country })]
    [InlineData(Wanted.Person, new[] { SpanKind.Person, SpanKind.Name })]
    [InlineData(Wanted.Organisation, new[] { SpanKind.Organisation, SpanKind.Name, SpanKind.Country })]
    [InlineData(Wanted.Place, new[] { SpanKind.Place, SpanKind.Country })]
    [InlineData(Wanted.Date, new[] { SpanKind.Date })]
    [InlineData(Wanted.Time, new[] { SpanKind.Date, SpanKind.Time })]
    [InlineData(Wanted.Count, new[] { SpanKind.Number })]
    [InlineData(Wanted.Amount, new[] { SpanKind.Number, SpanKind.Money, SpanKind.Percent })]
    [InlineData(Wanted.Money, new[] { SpanKind.Money })]
    [InlineData(Wanted.Percent, new[] { SpanKind.Percent })]
    [InlineData(Wanted.Age, new[] { SpanKind.Age })]
    [InlineData(Wanted.Duration, new[] { SpanKind.Duration })]
    [InlineData(Wanted.Any, new SpanKind[0])]
    public void Each_wanted_kind_accepts_exactly_its_spans(Wanted wanted, SpanKind[] accepted)
    {
        var intent = new QuestionIntent(wanted, null, false, false);

        Assert.Equal(accepted.Order(), Enum.GetValues<SpanKind>().Where(intent.Accepts).Order());
    }

    [Fact]
    public void None_wants_nothing() =>
        Assert.Equal((Wanted.Any, (string?)null, false, false, false),
            (QuestionIntent.None.Wanted, QuestionIntent.None.Focus, QuestionIntent.None.Why, QuestionIntent.None.Said, QuestionIntent.None.WantsShortAnswer));
}
