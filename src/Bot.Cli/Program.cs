using Bot.Cli;

return await BotCli.RunAsync(new CliContext(), args);
