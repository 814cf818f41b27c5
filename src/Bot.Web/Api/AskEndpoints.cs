using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Bot.Core.Answering;
using Bot.Web.Security;
using Microsoft.Extensions.Options;

namespace Bot.Web.Api;

public static class AskEndpoints
{
    public const string TimeoutMessage = "Sorry, answering took too long. Please try again, or narrow the question.";

    public static void MapAsk(this RouteGroupBuilder api)
    {
        api.MapPost("/ask", AskAsync)
            .WithSummary("Answer a question from the archive, with citations")
            .WithDescription("With \"stream\": true the response is text/event-stream: 'delta' events carry text as it is produced, then one 'final' event carries the validated Answer.")
            .Produces<Answer>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> AskAsync(AskBody body, IAskService asker, IOptions<ApiOptions> options, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(body.Question))
            return TypedResults.Problem("The question is empty.", statusCode: StatusCodes.Status400BadRequest);
        var request = new AskRequest(body.Question, body.ConversationId, body.Filters?.ToFilter());
        var timeout = options.Value.AnswerTimeout;
        if (body.Stream)
            return TypedResults.ServerSentEvents(StreamAsync(asker, request, timeout, http.RequestAborted));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(timeout);
        try
        {
            await foreach (var update in asker.AskAsync(request, deadline.Token))
                if (update is AnswerFinal final) return TypedResults.Ok(final.Answer);
            return TypedResults.Problem("The answerer finished without an answer.", statusCode: StatusCodes.Status500InternalServerError);
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Ok(Answer.Abstain(TimeoutMessage, "timeout"));
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> StreamAsync(IAskService asker, AskRequest request, TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken aborted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(timeout);
        var updates = asker.AskAsync(request, deadline.Token).GetAsyncEnumerator(deadline.Token);
        try
        {
            while (true)
            {
                SseItem<object> item;
                try
                {
                    if (!await updates.MoveNextAsync()) yield break;
                    item = updates.Current switch
                    {
                        AnswerDelta delta => new SseItem<object>(new { text = delta.Text }, "delta"),
                        AnswerFinal final => new SseItem<object>(final.Answer, "final"),
                        var other => new SseItem<object>(other, "update"),
                    };
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    item = new SseItem<object>(Answer.Abstain(TimeoutMessage, "timeout"), "final");
                }
                catch (ArgumentException e)
                {
                    item = new SseItem<object>(new { title = "Bad request", detail = e.Message, status = 400 }, "error");
                }
                yield return item;
                if (item.EventType != "delta") yield break;
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }
    }
}
