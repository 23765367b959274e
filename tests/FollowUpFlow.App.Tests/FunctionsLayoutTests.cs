using System.Reflection;
using System.Text.Json.Nodes;
using FollowUpFlow.Mail;
using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Configuration;

namespace FollowUpFlow.App.Tests;

/// <summary>The files the Functions host reads agree with the app they start.</summary>
public sealed class FunctionsLayoutTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void Host_json_starts_this_app_as_a_custom_handler_with_http_forwarding()
    {
        var host = Read("host.json");
        var handler = host["customHandler"]!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal(typeof(Program).Assembly.GetName().Name, handler["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.True(handler["enableForwardingHttpRequest"]!.GetValue<bool>());
        // No prefix: the dashboard's pages (/interviews, /drafts, /approve/…) go through the host as well as /api/….
        Assert.Equal("", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public void The_api_function_forwards_every_route()
    {
        var bindings = Read("Api/function.json")["bindings"]!.AsArray();
        var trigger = bindings.Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;

        Assert.Equal("{*path}", trigger["route"]!.GetValue<string>());
        Assert.Contains(bindings, b => b!["type"]!.GetValue<string>() == "http" && b["direction"]!.GetValue<string>() == "out");
    }

    [Fact]
    public void The_tick_function_is_a_timer_whose_schedule_is_a_setting()
    {
        var trigger = Read("Tick/function.json")["bindings"]!.AsArray().Single()!;
        var settings = Read("local.settings.example.json")["Values"]!.AsObject();

        Assert.Equal("timerTrigger", trigger["type"]!.GetValue<string>());
        var schedule = trigger["schedule"]!.GetValue<string>();
        Assert.True(settings.ContainsKey(schedule.Trim('%')), $"local.settings.example.json lacks {schedule}");
    }

    [Fact]
    public void Local_settings_example_lists_every_setting_the_app_reads()
    {
        var values = Read("local.settings.example.json")["Values"]!.AsObject();
        var options = new (Type Type, string Section)[]
        {
            (typeof(CandidateOptions), CandidateOptions.Section),
            (typeof(TimelineOptions), TimelineOptions.Section),
            (typeof(WorkflowOptions), WorkflowOptions.Section),
            (typeof(StorageOptions), StorageOptions.Section),
            (typeof(FileOutboxOptions), WorkflowServiceCollectionExtensions.OutboxSection),
            (typeof(InboundOptions), InboundOptions.Section),
            (typeof(SendGridOptions), MailTransportChoice.SendGridSection),
            (typeof(GraphMailOptions), MailTransportChoice.GraphSection),
        };

        var expected = options
            .SelectMany(o => o.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{o.Section}:{p.Name}"))
            .Append("FollowUpFlow:Url")
            .Append(MailTransportChoice.TransportKey)
            .Select(key => key.Replace(":", "__", StringComparison.Ordinal));

        Assert.All(expected, key => Assert.True(values.ContainsKey(key), $"local.settings.example.json lacks {key}"));
    }

    private static JsonNode Read(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, relativePath)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
}
