using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>Names of people: read from addresses, told from titles, compared loosely.</summary>
public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("sam.lee@contoso.com", "Sam Lee")]
    [InlineData("priya_natarajan@contoso.com", "Priya Natarajan")]
    [InlineData("jean-luc.martin@fabrikam.fr", "Jean Luc Martin")]
    [InlineData("SAM@contoso.com", "Sam")]
    [InlineData("jdoe42@contoso.com", "jdoe42")]
    public void Reads_a_name_from_an_address(string address, string expected) =>
        Assert.Equal(expected, PersonNames.FromAddress(address));

    [Theory]
    [InlineData("Priya Natarajan", true)]
    [InlineData("Jean-Luc Martin", true)]
    [InlineData("Ludwig van Beek", true)]
    [InlineData("Senior Engineer", false)]
    [InlineData("Microsoft Teams", false)]
    [InlineData("Conference Room", false)]
    [InlineData("Contoso Recruiting", false)]
    [InlineData("Best Regards", false)]
    [InlineData("One Two Three Four Five", false)]
    public void Tells_names_from_other_capitalised_words(string text, bool isName) =>
        Assert.Equal(isName, PersonNames.LooksLikeName(text));

    [Theory]
    [InlineData("Natalie Brooks Director", "Natalie Brooks")]
    [InlineData("Priya Natarajan", "Priya Natarajan")]
    [InlineData("Engineering Manager", null)]
    [InlineData("Priya", null)]
    public void Trims_a_title_that_runs_on(string text, string? expected) =>
        Assert.Equal(expected, PersonNames.Trimmed(text));

    [Theory]
    [InlineData("Priya", "Priya Natarajan", true)]
    [InlineData("priya natarajan", "Priya Natarajan", true)]
    [InlineData("José Álvarez", "Jose Alvarez", true)]
    [InlineData("Priya Natarajan", "Priya Patel", false)]
    [InlineData("Sam Lee", "Samuel Lee", false)]
    [InlineData("", "Sam", false)]
    public void Compares_people_loosely(string a, string b, bool same) =>
        Assert.Equal(same, PersonNames.SamePerson(a, b));
}
