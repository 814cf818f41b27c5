using Microsoft.Extensions.Configuration;

namespace Bot.Hosting;

/// <summary>
/// The configuration keys every host reads, and the short environment variables users are told about
/// (BOT_DATA, BOT_EMBEDDINGS_MODEL) mapped onto them.
/// </summary>
public static class BotConfiguration
{
    public const string DataDirectoryKey = "Store:DataDirectory";
    public const string StoreProviderKey = "Store:Provider";
    public const string EmbeddingModelKey = "Embeddings:ModelPath";

    private static readonly (string Variable, string Key)[] Aliases =
    [
        ("BOT_DATA", DataDirectoryKey),
        ("BOT_EMBEDDINGS_MODEL", EmbeddingModelKey),
        ("BOT_STORE", StoreProviderKey),
    ];

    /// <summary>Adds the BOT_* aliases; call after the standard environment provider so they win over appsettings.</summary>
    public static IConfigurationBuilder AddBotEnvironmentAliases(this IConfigurationBuilder builder)
    {
        var values = Aliases
            .Select(a => (a.Key, Value: Environment.GetEnvironmentVariable(a.Variable)))
            .Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key, a => a.Value);
        return builder.AddInMemoryCollection(values);
    }
}
