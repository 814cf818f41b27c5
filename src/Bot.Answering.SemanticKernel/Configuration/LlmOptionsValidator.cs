namespace Bot.Answering.SemanticKernel.Configuration;

/// <summary>
/// Checks the "Llm" settings at start-up and says exactly which one is missing or wrong, so a bad
/// configuration stops the app with a sentence rather than failing on the first question.
/// </summary>
public static class LlmOptionsValidator
{
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Every problem found; empty when the settings can be used (or no provider is set).</summary>
    public static IReadOnlyList<string> Problems(LlmOptions options)
    {
        var problems = new List<string>();
        var provider = options.ProviderName;
        if (provider is null) return problems;

        void Require(string? value, string setting, string? hint = null)
        {
            if (string.IsNullOrWhiteSpace(value))
                problems.Add($"Llm:Provider is {provider} but Llm:{setting} is not set{hint}.");
        }
        const string secretHint = " (dotnet user-secrets set Llm:ApiKey <key>, or the environment variable Llm__ApiKey)";

        switch (provider)
        {
            case LlmProviders.OpenAI:
                Require(options.Model, nameof(options.Model), " (for example gpt-4o-mini)");
                Require(options.ApiKey, nameof(options.ApiKey), secretHint);
                break;
            case LlmProviders.AzureOpenAI:
                Require(options.Endpoint, nameof(options.Endpoint), " (https://<resource>.openai.azure.com/)");
                Require(options.Deployment, nameof(options.Deployment));
                Require(options.ApiKey, nameof(options.ApiKey), secretHint);
                break;
            case LlmProviders.Ollama:
                Require(options.Model, nameof(options.Model), " (for example llama3.1)");
                break;
            default:
                problems.Add($"Llm:Provider '{options.Provider}' is not supported; use {string.Join(", ", LlmProviders.All)}, " +
                             "or leave it empty to answer without a language model.");
                return problems;
        }

        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && !(Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            problems.Add($"Llm:Endpoint '{options.Endpoint}' is not an absolute http(s) URL.");
        if (options.Temperature is < 0 or > 2)
            problems.Add($"Llm:Temperature {options.Temperature} is outside 0..2.");
        if (options.MaxAnswerTokens < 16)
            problems.Add($"Llm:MaxAnswerTokens {options.MaxAnswerTokens} is too small; use at least 16.");
        if (options.ContextTokens < 200)
            problems.Add($"Llm:ContextTokens {options.ContextTokens} is too small to hold a passage; use at least 200.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > LongestTimeout)
            problems.Add($"Llm:Timeout {options.Timeout} must be more than zero and at most {LongestTimeout}; write it as hh:mm:ss (00:01:00).");
        if (options.HistoryTurns < 0)
            problems.Add($"Llm:HistoryTurns {options.HistoryTurns} cannot be negative.");
        return problems;
    }

    /// <summary>Throws one <see cref="InvalidOperationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(LlmOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
            throw new InvalidOperationException("The language model is not configured correctly: " + string.Join(" ", problems));
    }
}
