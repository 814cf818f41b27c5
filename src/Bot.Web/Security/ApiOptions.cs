namespace Bot.Web.Security;

/// <summary>REST API settings (configuration section "Api").</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Accepted API keys, sent as the X-Api-Key header. Empty (the default): only callers on this machine
    /// (loopback) are let in, as admins, so a fresh clone works locally and is closed to the network.
    /// </summary>
    public List<ApiKey> Keys { get; set; } = [];

    /// <summary>Largest JSON request body (ask, search, ingest by URL), in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Largest upload to POST /api/ingest, in bytes, all files together.</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long one answer may take before the caller gets a polite timeout instead.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>One caller's key. Role "admin" may also ingest and delete; "reader" may ask, search and read.</summary>
public sealed class ApiKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string Role { get; set; } = ApiRoles.Reader;
}

public static class ApiRoles
{
    public const string Reader = "reader";
    public const string Admin = "admin";
}
