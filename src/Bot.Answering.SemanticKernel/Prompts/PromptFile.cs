using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace Bot.Answering.SemanticKernel.Prompts;

/// <summary>
/// One prompt file, parsed once as a Semantic Kernel template. Templates may use only their documented
/// variables ({{$name}}): no function calls, so a prompt file cannot reach the archive plugin or anything else.
/// Values are inserted as they are and never evaluated, so "{{$question}}" inside a passage stays text.
/// </summary>
public sealed partial class PromptFile
{
    private readonly IPromptTemplate template;

    public string Name { get; }
    public IReadOnlyList<string> Variables { get; }

    private PromptFile(string name, IPromptTemplate template, IReadOnlyList<string> variables)
    {
        Name = name;
        this.template = template;
        Variables = variables;
    }

    /// <summary>
    /// Parses <paramref name="text"/>; throws <see cref="InvalidOperationException"/> naming the file when it uses
    /// anything but <paramref name="allowed"/> variables or misses one of <paramref name="required"/>.
    /// </summary>
    public static PromptFile Parse(string name, string text, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        var used = new List<string>();
        foreach (Match block in TemplateBlock().Matches(text))
        {
            var content = block.Groups[1].Value.Trim();
            if (!VariableName().IsMatch(content) || !allowed.Contains(content[1..]))
                throw new InvalidOperationException(
                    $"Prompt file {name} uses '{{{{{content}}}}}'; it may use only {string.Join(", ", allowed.Select(v => "{{$" + v + "}}"))}.");
            used.Add(content[1..]);
        }
        var missing = required.Where(v => !used.Contains(v)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Prompt file {name} must use {string.Join(", ", missing.Select(v => "{{$" + v + "}}"))}.");

        var variables = used.Distinct().ToList();
        var config = new PromptTemplateConfig(text)
        {
            Name = Path.GetFileNameWithoutExtension(name),
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
            // SK HTML-encodes values by default so that a value cannot smuggle <message role="system"> tags into a
            // chat prompt it later parses. Ours is never parsed: the rendered text is the content of one message
            // (roles are set in code), so encoding would only garble passage text ("AT&amp;T"). Injection is handled
            // by delimiters, UntrustedText and the system rules instead.
            InputVariables = variables.Select(v => new InputVariable { Name = v, AllowDangerouslySetContent = true }).ToList(),
        };
        var template = new KernelPromptTemplateFactory().Create(config);
        return new PromptFile(name, template, variables);
    }

    /// <summary>The template with <paramref name="values"/> filled in; every variable the file uses must be given.</summary>
    public async Task<string> RenderAsync(Kernel kernel, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var arguments = new KernelArguments();
        foreach (var variable in Variables)
        {
            if (!values.TryGetValue(variable, out var value))
                throw new ArgumentException($"Prompt {Name} needs a value for {{{{${variable}}}}}.", nameof(values));
            arguments[variable] = value;
        }
        return (await template.RenderAsync(kernel, arguments, cancellationToken)).Trim();
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex TemplateBlock();

    [GeneratedRegex(@"^\$[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
