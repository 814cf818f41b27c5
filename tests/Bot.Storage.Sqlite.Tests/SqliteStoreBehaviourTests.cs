using Bot.Core.Retrieval;
using Bot.Storage.Sqlite;
using Bot.Testing;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Sqlite.Tests;

public class SqliteStoreBehaviourTests : ArchiveStoreBehaviour
{
    private readonly TempDirectory folder = new();

    protected virtual SqliteArchiveOptions Configure(SqliteArchiveOptions options) => options;

    protected override Task<IArchiveStore> CreateStoreAsync() =>
        Task.FromResult<IArchiveStore>(new SqliteArchiveStore(Options.Create(Configure(new SqliteArchiveOptions { DataDirectory = folder.Path }))));

    public override ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The same behaviour when dense search goes through binary sketches, as it does on large archives.</summary>
public sealed class SqliteSketchSearchBehaviourTests : SqliteStoreBehaviourTests
{
    protected override SqliteArchiveOptions Configure(SqliteArchiveOptions options)
    {
        options.ExactDenseUpTo = 0;
        return options;
    }
}
