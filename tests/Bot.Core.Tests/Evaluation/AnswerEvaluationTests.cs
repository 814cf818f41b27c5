using Bot.Core.Answering;
using Bot.Core.Evaluation;

namespace Bot.Core.Tests.Evaluation;

public class AnswerEvaluationTests
{
    private static AnswerOutcome Outcome(bool impossible, double confidence, bool contains, bool answered = true, string story = "A") =>
        new(new EvalQuestion(Guid.NewGuid().ToString(), "q", impossible ? [] : ["gold"], impossible, story),
            answered ? new Answer(contains ? "it was gold [1]" : "it was lead [1]", false, []) { Confidence = confidence } : Answer.Abstain("no", "test"),
            false, [1, confidence], 1, 2);

    private static readonly IReadOnlyList<AnswerOutcome> Outcomes =
    [
        Outcome(false, 0.9, true),
        Outcome(false, 0.6, true),
        Outcome(false, 0.3, false),
        Outcome(true, 0.7, false),
        Outcome(true, 0.2, false),
        Outcome(true, 0.0, false, answered: false),
    ];

    [Fact]
    public void Metrics_at_a_threshold_count_containment_abstention_and_overall()
    {
        var m = AnswerEvaluation.At(Outcomes, 0.5);

        Assert.Equal(3, m.Answerable);
        Assert.Equal(3, m.Unanswerable);
        Assert.Equal(2 / 3.0, m.Containment, 6);
        Assert.Equal(2 / 3.0, m.Abstention, 6);
        Assert.Equal(1 / 3.0, m.FalseAbstention, 6);
        Assert.Equal(4 / 6.0, m.Overall, 6);
        Assert.Equal(0, m.CitationFailures);
    }

    [Fact]
    public void Never_abstaining_still_counts_answers_that_abstained_by_themselves()
    {
        var never = AnswerEvaluation.At(Outcomes, 0);
        var always = AnswerEvaluation.At(Outcomes, 1.01);

        Assert.Equal(1 / 3.0, never.Abstention, 6);
        Assert.Equal(0, never.FalseAbstention);
        Assert.Equal(1, always.Abstention);
        Assert.Equal(0, always.Containment);
    }

    [Fact]
    public void The_curve_runs_from_never_to_always_abstaining()
    {
        var curve = AnswerEvaluation.Curve(Outcomes);

        Assert.Equal(0, curve[0].Threshold);
        Assert.True(curve[^1].Threshold > 1);
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second.Metrics.Abstention >= p.First.Metrics.Abstention));
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.Second.Metrics.Containment <= p.First.Metrics.Containment));
    }

    [Fact]
    public void The_picked_threshold_keeps_containment_and_maximises_overall()
    {
        var threshold = AnswerEvaluation.PickThreshold(Outcomes);

        var picked = AnswerEvaluation.At(Outcomes, threshold);
        Assert.True(picked.Containment >= AnswerEvaluation.RequiredContainment);
        // Ties go to the lowest threshold: 0.21 abstains on the 0.2 question and answers the rest.
        Assert.InRange(threshold, 0.21, 0.6);
        Assert.Equal(4 / 6.0, picked.Overall, 6);
    }
}
