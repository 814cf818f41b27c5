using Bot.Channels.BotFramework.Schema;

namespace Bot.Channels.BotFramework.Authentication;

/// <summary>
/// What the caller's token vouches for. The token is checked before the body is read; the activity is then
/// checked against it (<see cref="Verify"/>): same service URL, and a channel the signing key endorses.
/// </summary>
public sealed record AuthenticationResult
{
    public string? Failure { get; private init; }
    /// <summary>The token's <c>serviceurl</c> claim.</summary>
    public string? ServiceUrl { get; private init; }
    /// <summary>True for Bot Connector tokens, which must carry the service URL the activity names.</summary>
    public bool RequiresServiceUrl { get; private init; }
    /// <summary>Channels the signing key is endorsed for; null when the key lists none.</summary>
    public IReadOnlyCollection<string>? Endorsements { get; private init; }

    /// <summary>The token could not be checked (signing keys unreachable): the caller should retry, not give up.</summary>
    public bool Unavailable { get; private init; }

    public bool Succeeded => Failure is null;

    /// <summary>No app id is configured and the call came from this machine.</summary>
    public static AuthenticationResult Anonymous { get; } = new();

    public static AuthenticationResult Fail(string reason) => new() { Failure = reason };

    public static AuthenticationResult KeysUnavailable(string reason) => new() { Failure = reason, Unavailable = true };

    public static AuthenticationResult Authenticated(string? serviceUrl, bool requiresServiceUrl, IReadOnlyCollection<string>? endorsements) =>
        new() { ServiceUrl = serviceUrl, RequiresServiceUrl = requiresServiceUrl, Endorsements = endorsements };

    /// <summary>Null when the activity may be processed, else why not.</summary>
    public string? Verify(Activity activity)
    {
        if (Failure is not null) return Failure;
        if ((RequiresServiceUrl || ServiceUrl is not null)
            && !string.Equals(ServiceUrl?.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return "The token's serviceurl claim does not match the activity's serviceUrl.";
        if (Endorsements is not null && !string.IsNullOrEmpty(activity.ChannelId)
            && !Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            return $"The signing key is not endorsed for channel '{activity.ChannelId}'.";
        return null;
    }
}
