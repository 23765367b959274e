using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Workflow.Tests.Inbound;

/// <summary>Which company spellings the matcher takes for one employer: whole words from the start, legal forms aside.</summary>
public sealed class CompanyWordingTests
{
    [Theory]
    [InlineData("Woodgrove", "Woodgrove Bank")]
    [InlineData("Contoso Ltd.", "contoso")]
    [InlineData("Contoso", "Contoso Group Holdings")]
    [InlineData("Kestrel Analytics", "Kestrel")]
    public void The_same_employer_written_shorter_or_longer(string a, string b) => Assert.True(CompanyNames.Similar(a, b));

    [Theory]
    [InlineData("Contoso", "Contosoft")]
    [InlineData("Bank of Woodgrove", "Woodgrove Bank")]
    [InlineData("Contoso", "")]
    [InlineData("Litware Holdings", "Contoso")]
    public void Different_employers(string a, string b) => Assert.False(CompanyNames.Similar(a, b));
}
