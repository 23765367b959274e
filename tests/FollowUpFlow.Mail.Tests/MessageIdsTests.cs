namespace FollowUpFlow.Mail.Tests;

public class MessageIdsTests
{
    [Fact]
    public void Creates_a_bracketed_id() =>
        Assert.Equal("<draft-42.1@followupflow.local>", MessageIds.Create("draft-42.1", "followupflow.local"));

    [Fact]
    public void Created_ids_are_valid() =>
        Assert.True(MessageIds.IsValid(MessageIds.Create(Guid.NewGuid().ToString("N"), "mail.example.com")));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a@b")]
    [InlineData("<a>")]
    [InlineData("a:b")]
    [InlineData("a\r\nb")]
    [InlineData("ä")]
    public void Refuses_tokens_that_are_not_dot_atom_text(string token) =>
        Assert.Throws<ArgumentException>(() => MessageIds.Create(token, "example.com"));

    [Theory]
    [InlineData("")]
    [InlineData("exa mple.com")]
    [InlineData("[127.0.0.1]")]
    [InlineData("example.com>")]
    public void Refuses_domains_that_are_not_dot_atom_text(string domain) =>
        Assert.Throws<ArgumentException>(() => MessageIds.Create("token", domain));

    [Fact]
    public void Refuses_an_overlong_id() =>
        Assert.Throws<ArgumentException>(() => MessageIds.Create(new string('a', 300), "example.com"));

    [Theory]
    [InlineData("a@b")]
    [InlineData("<a@b")]
    [InlineData("<a b@c>")]
    [InlineData("<@c>")]
    [InlineData("<a@>")]
    [InlineData(null)]
    public void IsValid_is_false_for_malformed_ids(string? id) => Assert.False(MessageIds.IsValid(id));
}
