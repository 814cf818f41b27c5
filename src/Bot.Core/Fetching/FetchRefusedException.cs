namespace Bot.Core.Fetching;

/// <summary>A URL the bot will not fetch (not http(s), or not a public address); thrown before any connection is made.</summary>
public sealed class FetchRefusedException(string message) : Exception(message);
