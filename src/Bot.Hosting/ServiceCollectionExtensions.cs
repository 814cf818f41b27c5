using Bot.Answering.SemanticKernel.Configuration;
using Bot.Core.Answering;
using Bot.Core.Answering.Extractive;
using Bot.Core.Articles;
using Bot.Core.Chunking;
using Bot.Core.Conversations;
using Bot.Core.Embedding;
using Bot.Core.Fetching;
using Bot.Core.Ingestion;
using Bot.Core.Retrieval;
using Bot.Hosting.FeedbackLog;
using Bot.Core.Sources;
using Bot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything a host needs: the archive, and the answering pipeline on top of it.</summary>
    public static IServiceCollection AddNewsBot(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNewsArchive(configuration).AddAnswering(configuration);

    /// <summary>
    /// The question path (<see cref="IAskService"/>) and the answerer it uses. A configured LLM (Llm:Provider)
    /// registers the generative answerer and rewriter first; otherwise the extractive answerer and the rule-based
    /// follow-up rewriter fill the gaps.
    /// </summary>
    private static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExtractiveOptions>().Bind(configuration.GetSection(ExtractiveOptions.SectionName))
            .Validate(o => { o.Validate(); return true; });
        services.AddSemanticKernelAnswering(configuration);
        // The extractive answerer weighs question terms by their rarity in the whole archive when the store can say.
        services.TryAddSingleton<IAnswerer>(provider => new ExtractiveAnswerer(
            provider.GetRequiredService<IOptions<ExtractiveOptions>>(),
            provider.GetRequiredService<ILogger<ExtractiveAnswerer>>(),
            provider.GetRequiredService<IArchiveStore>() as ITermStatistics));
        services.TryAddSingleton<IQueryRewriter, FollowUpQueryRewriter>();
        services.AddSingleton<IAskService, AskService>();
        return services;
    }

    /// <summary>
    /// Composes the archive from configuration: the store (embedded SQLite unless Store:Provider says
    /// otherwise: "qdrant" uses the Qdrant section), the embedder when Embeddings:ModelPath is set, and the
    /// ingest and retrieval stages.
    /// </summary>
    public static IServiceCollection AddNewsArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName));
        services.AddOptions<SqliteArchiveOptions>().Bind(configuration.GetSection(StoreOptions.SectionName));
        services.AddOptions<ChunkingOptions>().Bind(configuration.GetSection(ChunkingOptions.SectionName))
            .Validate(o => { o.Validate(); return true; });
        services.AddOptions<ArticleLimits>().Bind(configuration.GetSection(ArticleLimits.SectionName));
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(ArticleLimits.SectionName));
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(ArticleLimits.SectionName))
            .Validate(o => { o.Validate(); return true; });
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection("Retrieval"));
        services.AddOptions<ConversationOptions>().Bind(configuration.GetSection("Conversation"));

        StoreFactory.AddArchiveStore(services, configuration);
        AddEmbedder(services, configuration);
        services.TryAddSingleton(TimeProvider.System);
        // One fetcher for every download (URL ingest, sources): its address guard, host gates and robots cache are shared.
        services.AddSingleton(sp => new WebFetcher(sp.GetRequiredService<IOptions<ArticleLimits>>(),
            sp.GetRequiredService<IOptions<FetchOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ArticleSourceReader>();
        services.AddSingleton<Chunker>();
        services.AddSingleton<ArticleIndexer>();
        services.AddTransient<IngestPipeline>();
        services.AddSingleton<Retriever>();
        services.AddSingleton<ArchiveSources>();
        services.AddSingleton<ConversationMemory>();
        AddFeedback(services, configuration);
        AddSources(services, configuration);
        return services;
    }

    /// <summary>The feedback log, in the archive's folder unless Feedback:Folder says otherwise, so it travels with the archive.</summary>
    private static void AddFeedback(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.Folder))
                    o.Folder = Path.Combine(configuration[BotConfiguration.DataDirectoryKey] is { Length: > 0 } data ? data : "data", "feedback");
            });
        services.TryAddSingleton<IFeedbackStore, JsonLinesFeedbackStore>();
    }

    /// <summary>Sources kept in sync: the Sources list and SourceSync settings, their state beside the archive, and the sync.</summary>
    private static void AddSources(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourceSyncOptions>().Bind(configuration.GetSection(SourceSyncOptions.SectionName))
            .Configure(o => o.Declared = configuration.GetSection(SourceSyncOptions.SourcesSectionName).Get<List<SourceDeclaration>>() ?? [])
            .Validate(o => { o.Validate(); SourceCatalog.Declare(o); return true; });
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<SourceSynchronizer>();
        services.AddSingleton<SourceSyncRunner>();
    }

    /// <summary>The local ONNX encoder when Embeddings:ModelPath names a model folder; otherwise retrieval stays lexical.</summary>
    private static void AddEmbedder(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmbeddingOptions.SectionName);
        services.AddOptions<EmbeddingOptions>().Bind(section);
        if (string.IsNullOrWhiteSpace(section[nameof(EmbeddingOptions.ModelPath)])) return;
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, OnnxSentenceEncoder>();
    }
}
