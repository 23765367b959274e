using FollowUpFlow.Core.Templates;

namespace FollowUpFlow.Core.Tests.Templates;

public sealed class FirstNameTests
{
    [Theory]
    [InlineData("Ana Silva", "Ana")]
    [InlineData("  Ben  ", "Ben")]
    [InlineData("Silva, Ana", "Ana")]
    [InlineData("Zoë van der Berg", "Zoë")]
    [InlineData("ana@contoso.example", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("Silva,", "Silva,")]
    public void Greetings_use_the_first_name(string? name, string? expected) =>
        Assert.Equal(expected, TemplateValues.FirstName(name));
}
