using System.CommandLine;
using FollowUpFlow.Cli;
using FollowUpFlow.Cli.Drafts;

namespace FollowUpFlow.Cli.Tests;

/// <summary>`--url` on every command that talks to the app: any http(s) address is taken, anything else is a usage error.</summary>
public sealed class AppUrlOptionTests
{
    public static TheoryData<string> Commands() => new() { "drafts", "approve x-d1", "edit x-d1", "reject x-d1", "mark-sent x-d1", "ingest a.eml" };

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_http_address_is_taken_with_a_trailing_slash_so_api_paths_land_under_it(string command)
    {
        var result = Root().Parse($"{command} --url http://127.0.0.1:9/app");

        Assert.Empty(result.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:9/app/"), result.GetValue<Uri>("--url"));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Without_url_the_local_app_is_meant(string command)
    {
        var result = Root().Parse(command);

        Assert.Empty(result.Errors);
        Assert.Equal(AppUrlOption.Default, result.GetValue<Uri>("--url"));
    }

    [Theory]
    [InlineData("127.0.0.1:7071")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("not a url")]
    public void Anything_but_an_absolute_http_address_is_a_usage_error_that_says_what_is_wanted(string value)
    {
        var result = Root().Parse(["reject", "x-d1", "--url", value]);

        var error = Assert.Single(result.Errors);
        Assert.Contains("absolute http or https address", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    private static RootCommand Root()
    {
        var root = new RootCommand { IngestCommand.Create() };
        foreach (var command in DraftCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
