using System.CommandLine;
using FollowUpFlow.Cli;
using FollowUpFlow.Cli.Drafts;

var root = new RootCommand("FollowUpFlow: understand forwarded interview emails, feed them to the workflow, and decide on its drafts.")
{
    ParseCommand.Create(),
    IngestCommand.Create(),
};
foreach (var command in DraftCommands.Create())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
