namespace FollowUpFlow.Inbound.Tests;

public sealed class ProjectLayoutTests
{
    [Fact]
    public void Inbound_library_has_no_io_dependencies()
    {
        var references = typeof(InboundParser).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain(references, n => n!.StartsWith("FollowUpFlow.Storage", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n!.StartsWith("FollowUpFlow.Workflow", StringComparison.Ordinal));
    }
}
