using Bot.Web.Startup;
using Bot.Web.Tests.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Web.Tests.Security;

public sealed class DataProtectionTests(WebHostFixture fixture) : IClassFixture<WebHostFixture>
{
    [Fact]
    public void Data_protection_keys_are_kept_in_the_archive_folder()
    {
        var protector = fixture.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));

        var keys = Path.Combine(fixture.Host.DataDirectory, DataProtectionSetup.FolderName);
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
    }
}
