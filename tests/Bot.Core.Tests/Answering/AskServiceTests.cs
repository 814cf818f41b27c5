using System.Runtime.CompilerServices;
using Bot.Core.Answering;
using Bot.Core.Articles;
using Bot.Core.Conversations;
using Bot.Core.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Bot.Core.Tests.Answering.AnswerFixture;

namespace Bot.Core.Tests.Answering;

public sealed class AskServiceTests
{
    private readonly ConversationMemory memory = new(Options.Create(new ConversationOptions()));
    private readonly RecordingAnswerer answerer = new();
    private readonly FixedStore store = new();

    private AskService Service() =>
        new(new Retriever(store, Options.Create(new RetrievalOptions())), answerer, new FollowUpQueryRewriter(), memory, NullLogger<AskService>.Instance);

    private async Task<Answer> AskAsync(string question, string conversation)
    {
        Answer? final = null;
        await foreach (var update in Service().AskAsync(new AskRequest(question, conversation), TestContext.Current.CancellationToken))
            if (update is AnswerFinal { Answer: var answer }) final = answer;
        return final!;
    }

    [Fact]
    public async Task A_follow_up_reaches_the_answerer_with_its_rewritten_query_and_the_question_as_asked()
    {
        await AskAsync("How many soldiers were killed in the Niger ambush?", "c1");

        var answer = await AskAsync("Where did it happen?", "c1");

        var context = answerer.Contexts[^1];
        Assert.Equal("Where did it happen?", context.Question);
        Assert.Equal("Where did it happen? How many soldiers were killed in the Niger ambush?", context.Query);
        Assert.Equal(context.Query, store.Queries[^1]);
        Assert.Equal(context.Query, answer.RetrievalQuery);
    }

    [Fact]
    public async Task A_stand_alone_question_is_its_own_query()
    {
        await AskAsync("How many soldiers were killed in the Niger ambush?", "c2");

        var context = answerer.Contexts[^1];
        Assert.Equal(context.Question, context.Query);
    }

    [Fact]
    public async Task The_answer_suggests_asking_more_about_the_story_it_cites()
    {
        var answer = await AskAsync("How many soldiers were killed in the Niger ambush?", "c3");

        Assert.Equal([$"More on “{answer.Citations[0].Title.TrimEnd('.')}”"], answer.FollowUps);
    }

    /// <summary>Quotes the first passage's first sentence and remembers what it was given.</summary>
    private sealed class RecordingAnswerer : IAnswerer
    {
        public List<AnswerContext> Contexts { get; } = [];
        public string Name => "recording";

        public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Contexts.Add(context);
            const string quote = "Four U.S. soldiers were killed in an ambush in Niger on Oct. 4.";
            await Task.Yield();
            yield return new AnswerFinal(Answer($"\"{quote}\" [1]", Cite(1, context.Passages[0], quote)));
        }
    }

    /// <summary>Finds the Niger chunks for any query and remembers the queries it was asked.</summary>
    private sealed class FixedStore : IArchiveStore
    {
        public List<string> Queries { get; } = [];
        public string Description => "fixed";

        public Task<IReadOnlyList<Passage>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
        {
            Queries.Add(query.Text);
            return Task.FromResult<IReadOnlyList<Passage>>(Passages.Where(p => p.Article.Id == Niger.Id).ToList());
        }

        public Task InitializeAsync(EmbeddingSpace? space, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<string, string>> GetFingerprintsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task SaveAsync(IReadOnlyList<IndexedArticle> articles, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Article?> GetArticleAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ArticlePage> ListArticlesAsync(int offset, int limit, SearchFilter? filter = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> DeleteArticleAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ArchiveStats> GetStatsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
