using FollowUpFlow.App.Hosting;
using Microsoft.Extensions.Configuration;

namespace FollowUpFlow.App.Tests;

public sealed class HostingModeTests
{
    [Fact]
    public void Standalone_listens_on_loopback_and_runs_its_own_scheduler()
    {
        var mode = HostingMode.Detect(Config());

        Assert.Equal("http://127.0.0.1:7071", mode.Url);
        Assert.True(mode.RunsOwnScheduler);
    }

    [Fact]
    public void Under_the_functions_host_it_listens_on_the_host_port_and_leaves_ticking_to_the_host()
    {
        var mode = HostingMode.Detect(Config(("FUNCTIONS_CUSTOMHANDLER_PORT", "43210")));

        Assert.Equal("http://127.0.0.1:43210", mode.Url);
        Assert.False(mode.RunsOwnScheduler);
    }

    [Theory]
    [InlineData("http://0.0.0.0:7071")]
    [InlineData("http://192.168.1.5:7071")]
    [InlineData("http://example.com:7071")]
    public void Standalone_refuses_to_listen_beyond_this_machine(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostingMode.Detect(Config(("FollowUpFlow:Url", url))));

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_functions_port_is_a_clear_error() =>
        Assert.Throws<InvalidOperationException>(() => HostingMode.Detect(Config(("FUNCTIONS_CUSTOMHANDLER_PORT", "http"))));

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
