using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;
using Bot.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Sqlite.Tests;

public sealed class SqliteStoreBehaviourTests : ArchiveStoreBehaviour
{
    private readonly TempDirectory folder = new();

    protected override Task<IArchiveStore> CreateStoreAsync() =>
        Task.FromResult<IArchiveStore>(new SqliteArchiveStore(Options.Create(new SqliteArchiveOptions { DataDirectory = folder.Path })));

    public override ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
