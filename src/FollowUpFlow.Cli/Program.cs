using System.CommandLine;
using FollowUpFlow.Cli;

var root = new RootCommand("FollowUpFlow: understand forwarded interview emails and feed them to the workflow.")
{
    ParseCommand.Create(),
    IngestCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
