using Bot.Core.Articles.Repair;

namespace Bot.Core.Tests.Articles;

public sealed class ApostropheRepairTests
{
    [Theory]
    [InlineData("many in Africa s Sahel region", "many in Africa's Sahel region")]
    [InlineData("one of the world s poorest", "one of the world's poorest")]
    [InlineData("we didn t expect it", "we didn't expect it")]
    [InlineData("to fix typo in author s name)", "to fix typo in author's name)")]
    [InlineData("Don t. Can t! Won t?", "Don't. Can't! Won't?")]
    [InlineData("said. We re going and they ve said we ll see", "said. We're going and they've said we'll see")]
    [InlineData("I m sure I d go", "I'm sure I'd go")]
    [InlineData("I think it s true", "I think it's true")]
    [InlineData("Kim Jong Un s regime and Lee Ming-che s safety", "Kim Jong Un's regime and Lee Ming-che's safety")]
    [InlineData("the U.S. s role", "the U.S.'s role")]
    [InlineData("AT&T s offer", "AT&T's offer")]
    [InlineData("the 2016 s election", "the 2016's election")]
    [InlineData("Michelle O Neill of Sinn F in", "Michelle O'Neill of Sinn F in")]
    [InlineData("TRUMP S WALL", "TRUMP'S WALL")]
    public void Restores_lost_apostrophes(string broken, string repaired) =>
        Assert.Equal(repaired, ApostropheRepair.Repair(broken));

    [Theory]
    [InlineData("in S o Paulo on Monday")]
    [InlineData("U.S. S&P 500 futures")]
    [InlineData("the S-400 missile system")]
    [InlineData("a re-election bid and a re-run")]
    [InlineData("plan A s")]
    [InlineData("they said t was the variable")]
    [InlineData("Africa’s Sahel and don't")]
    [InlineData("Mossos d Esquadra")]
    [InlineData("World War I d-day")]
    public void Leaves_everything_else_alone(string text) =>
        Assert.Equal(text, ApostropheRepair.Repair(text));

    [Fact]
    public void Keeps_the_length_so_offsets_stay_valid()
    {
        const string broken = "The world s poorest don t know it s Niger s";
        Assert.Equal(broken.Length, ApostropheRepair.Repair(broken).Length);
    }
}
