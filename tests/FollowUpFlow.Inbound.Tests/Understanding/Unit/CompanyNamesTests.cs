using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>Company names compared as people mean them.</summary>
public sealed class CompanyNamesTests
{
    [Theory]
    [InlineData("Contoso Ltd.", "contoso")]
    [InlineData("Contoso, Inc.", "Contoso")]
    [InlineData("The Contoso Company", "Contoso")]
    [InlineData("Isarbrücke GmbH", "Isarbrucke")]
    [InlineData("Société Générale SA", "Societe Generale")]
    [InlineData("Fabrikam L.L.C.", "Fabrikam")]
    [InlineData("Ernst & Young", "Ernst Young")]
    [InlineData("Lamna Healthcare GmbH & Co. KG", "Lamna Healthcare")]
    [InlineData("Wide World Importers", "wide world  importers")]
    [InlineData("Adatum Corporation", "Adatum Corp.")]
    public void Same_company(string a, string b)
    {
        Assert.True(CompanyNames.Same(a, b));
        Assert.True(CompanyNames.Same(b, a));
    }

    [Theory]
    [InlineData("Contoso", "Contoso Pharmaceuticals")]
    [InlineData("Wide World Importers", "WideWorld Importers")]
    [InlineData("Fabrikam", "Fabrikan")]
    [InlineData("The", "")]
    [InlineData("", "")]
    [InlineData(null, null)]
    [InlineData(null, "Contoso")]
    public void Different_or_unnamed_companies(string? a, string? b) =>
        Assert.False(CompanyNames.Same(a, b));

    [Theory]
    [InlineData("The Coho Winery, Inc.", "coho winery")]
    [InlineData("  Café Lumière  SARL ", "cafe lumiere")]
    [InlineData("GmbH", "gmbh")]
    [InlineData("The", "the")]
    public void Normalises_to_plain_words(string name, string expected) =>
        Assert.Equal(expected, CompanyNames.Normalise(name));
}
