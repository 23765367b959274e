namespace FollowUpFlow.Mail.Tests;

public class MailAddressTests
{
    [Theory]
    [InlineData("alex@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("x@localhost")]
    [InlineData("a!#$%&'*+-/=?^_`{|}~@xn--mnchen-3ya.de")]
    public void Accepts_valid_addresses(string address) =>
        Assert.Equal(address, new MailAddress(address).Address);

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("@example.com")]
    [InlineData("alex@")]
    [InlineData("alex@@example.com")]
    [InlineData(".alex@example.com")]
    [InlineData("alex.@example.com")]
    [InlineData("al..ex@example.com")]
    [InlineData("al ex@example.com")]
    [InlineData("\"alex\"@example.com")]
    [InlineData("alex@exa mple.com")]
    [InlineData("alex@-example.com")]
    [InlineData("alex@example..com")]
    [InlineData("alex@[192.0.2.1]")]
    [InlineData("jürgen@example.de")]
    [InlineData("alex@example.com\r\nBcc: victim@example.com")]
    [InlineData("alex@example.com\n")]
    public void Refuses_invalid_addresses(string address) =>
        Assert.ThrowsAny<ArgumentException>(() => new MailAddress(address));

    [Fact]
    public void Refuses_an_overlong_local_part() =>
        Assert.Throws<ArgumentException>(() => new MailAddress(new string('a', 65) + "@example.com"));

    [Theory]
    [InlineData("Alex\r\nBcc: victim@example.com")]
    [InlineData("Alex\n")]
    [InlineData("Alex\r")]
    [InlineData("Alex\0")]
    [InlineData("Alex\u0085")]
    public void Refuses_control_characters_in_the_display_name(string displayName) =>
        Assert.Throws<ArgumentException>(() => new MailAddress(displayName, "alex@example.com"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Treats_a_blank_display_name_as_none(string? displayName) =>
        Assert.Null(new MailAddress(displayName, "alex@example.com").DisplayName);

    [Fact]
    public void Refuses_an_unpaired_surrogate() =>
        Assert.Throws<ArgumentException>(() => new MailAddress("Alex \ud83d", "alex@example.com"));
}
