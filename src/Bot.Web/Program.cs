using Bot.Web;

BotWebApp.Create(args).Run();

/// <summary>The host's entry point, visible to tests and user secrets.</summary>
public partial class Program;
