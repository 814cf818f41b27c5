using Bot.Hosting;
using Bot.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;

namespace Bot.Web.Startup;

/// <summary>
/// ASP.NET Core's data-protection keys kept with the archive (DATA/data-protection-keys) instead of the
/// service account's profile, so they travel, are backed up and are deleted with the archive they belong to.
/// </summary>
public static class DataProtectionSetup
{
    public const string FolderName = "data-protection-keys";

    public static IServiceCollection AddArchiveDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var archive = configuration[BotConfiguration.DataDirectoryKey] is { Length: > 0 } configured ? configured : new SqliteArchiveOptions().DataDirectory;
        services.AddDataProtection()
            .SetApplicationName("news-archive-bot")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(archive), FolderName)));
        return services;
    }
}
