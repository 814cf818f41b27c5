using Bot.Core.Evaluation;

namespace Bot.Core.Tests.Evaluation;

public class LogisticRegressionTests
{
    [Fact]
    public void Recovers_the_direction_and_boundary_of_a_noisy_one_feature_problem()
    {
        // Labels follow P(y) = sigmoid(4x - 2): the boundary sits at x = 0.5.
        var random = new Random(7);
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 4000; i++)
        {
            var value = random.NextDouble();
            x.Add([1, value]);
            y.Add(random.NextDouble() < LogisticRegression.Sigmoid(4 * value - 2));
        }

        var w = LogisticRegression.Fit(x, y, l2: 0.01);

        Assert.InRange(w[1], 3, 5);
        Assert.InRange(-w[0] / w[1], 0.4, 0.6);
    }

    [Fact]
    public void Refuses_mismatched_or_empty_input()
    {
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([], []));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([[1, 0]], [true, false]));
    }
}
