using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Testing;
using Json.Schema;

namespace Bot.Channels.BotFramework.Tests;

/// <summary>deploy/teams: the app manifest, filled in as its README says, valid against the schema version it declares.</summary>
public sealed partial class ManifestTests
{
    private static readonly string Folder = Path.Combine(SharedData.RepositoryRoot, "deploy", "teams");

    /// <summary>The manifest with its placeholders filled in as the README's sed command does.</summary>
    private static JsonNode FilledManifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json"))
        .Replace("${{TEAMS_APP_ID}}", "6f1c2f4e-3b7a-4c1d-9a0e-2d5b8c7e9f10")
        .Replace("${{MICROSOFT_APP_ID}}", "0b9e6c1a-8d2f-4e3b-a7c5-1f4d2e6b8a90")
        .Replace("${{BOT_DOMAIN}}", "bot.example.com")
        .Replace("${{ORGANIZATION_NAME}}", "Example News Desk"))!;

    [Fact]
    public void Manifest_is_valid_against_the_schema_version_it_declares()
    {
        var manifest = FilledManifest();
        var version = manifest["manifestVersion"]!.GetValue<string>();
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());

        var schemas = Path.Combine(NodeTools.RequirePackage("@microsoft/app-manifest"), "build", "json-schemas", "teams");
        var schemaFile = Path.Combine(schemas, $"v{version}", "MicrosoftTeams.schema.json");
        Assert.True(File.Exists(schemaFile), $"No schema for manifest version {version} in {schemas}");
        var schema = JsonNode.Parse(File.ReadAllText(schemaFile))!.AsObject();
        // The schema says draft-04, which this validator does not read; it uses no keyword whose meaning changed since
        // (no boolean exclusiveMinimum/Maximum, no "id"), so draft-07 evaluates it the same.
        Assert.DoesNotContain("\"exclusiveM", schema.ToJsonString());
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        var compiled = JsonSchema.Build(JsonSerializer.SerializeToElement(schema), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        var result = compiled.Evaluate(JsonSerializer.SerializeToElement(manifest), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void Manifest_asks_for_no_permissions_the_bot_does_not_use_and_its_prompt_starters_fit()
    {
        var manifest = FilledManifest();
        Assert.Null(manifest["permissions"]);
        var commands = manifest["bots"]![0]!["commandLists"]!.AsArray().SelectMany(l => l!["commands"]!.AsArray()).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.InRange(c!["title"]!.GetValue<string>().Length, 1, 32));
        // The welcome card offers the same questions as the prompt starters.
        Assert.Equal(BotFrameworkOptions.DefaultWelcomePrompts, commands.Select(c => c!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void Readme_declares_the_manifest_version_the_manifest_uses()
    {
        var version = FilledManifest()["manifestVersion"]!.GetValue<string>();
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
        Assert.Equal([version], SchemaVersion().Matches(readme).Select(m => m.Groups[1].Value).Distinct());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_have_the_sizes_Teams_requires(string file, int size)
    {
        var png = File.ReadAllBytes(Path.Combine(Folder, file));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal((size, size), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [GeneratedRegex(@"schema v(\d+\.\d+)")]
    private static partial Regex SchemaVersion();
}
