namespace Bot.Channels.BotFramework.Schema;

/// <summary>Buttons shown under a message; Teams shows the first three and supports imBack (the value is sent as the user's message).</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);

/// <summary>One button: <see cref="ImBack"/> posts <see cref="Value"/> back as if the user had typed it.</summary>
public sealed record CardAction(string Type, string Title, string Value)
{
    public const string ImBack = "imBack";

    public static CardAction Ask(string title, string question) => new(ImBack, title, question);
}
