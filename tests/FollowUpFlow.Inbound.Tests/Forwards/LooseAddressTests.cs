using FollowUpFlow.Inbound.Forwards;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>Addresses as forwarded header blocks print them.</summary>
public sealed class LooseAddressTests
{
    [Theory]
    [InlineData("Sam Lee <sam@x.com>", "Sam Lee", "sam@x.com")]
    [InlineData("Sam Lee [mailto:sam@x.com]", "Sam Lee", "sam@x.com")]
    [InlineData("Sam Lee <mailto:sam@x.com>", "Sam Lee", "sam@x.com")]
    [InlineData("\"Lee, Sam\" <sam@x.com>", "Sam Lee", "sam@x.com")]
    [InlineData("Natarajan, Priya <priya.natarajan@contoso.com>", "Priya Natarajan", "priya.natarajan@contoso.com")]
    [InlineData("'Sam Lee' <sam@x.com>", "Sam Lee", "sam@x.com")]
    [InlineData("Dr. Anna Schmidt <anna.schmidt@isarbruecke.de>", "Dr. Anna Schmidt", "anna.schmidt@isarbruecke.de")]
    [InlineData("Claire Dubois (claire.dubois@fabrikam.fr)", "Claire Dubois", "claire.dubois@fabrikam.fr")]
    [InlineData("o'brien+jobs@x.co.uk", null, "o'brien+jobs@x.co.uk")]
    [InlineData("sam@x.com", null, "sam@x.com")]
    [InlineData("<sam@x.com>", null, "sam@x.com")]
    [InlineData("\"sam@x.com\" <sam@x.com>", null, "sam@x.com")]
    [InlineData("Sam Lee", "Sam Lee", "")]
    [InlineData("Lee, Sam", "Sam Lee", "")]
    public void Reads_one_address(string text, string? name, string address)
    {
        var parsed = LooseAddress.ParseOne(text);

        Assert.NotNull(parsed);
        Assert.Equal(name, parsed.Name);
        Assert.Equal(address, parsed.Address);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Nothing_readable_is_no_address(string? text) =>
        Assert.Null(LooseAddress.ParseOne(text));

    [Theory]
    [InlineData("Sam Lee <sam@x.com>, Priya Natarajan <priya@x.com>", "Sam Lee|sam@x.com", "Priya Natarajan|priya@x.com")]
    [InlineData("\"Lee, Sam\" <sam@x.com>; \"Natarajan, Priya\" <priya@x.com>", "Sam Lee|sam@x.com", "Priya Natarajan|priya@x.com")]
    [InlineData("sam@x.com; priya@x.com", "|sam@x.com", "|priya@x.com")]
    [InlineData("Sam Lee [mailto:sam@x.com]; Priya Natarajan [mailto:priya@x.com]", "Sam Lee|sam@x.com", "Priya Natarajan|priya@x.com")]
    public void Reads_a_list_of_two(string text, string first, string second) =>
        Assert.Equal([first, second], LooseAddress.ParseList(text).Select(a => $"{a.Name}|{a.Address}"));

    [Theory]
    [InlineData("Sam Lee <>")]
    [InlineData("Mail Delivery Subsystem <>")]
    public void Empty_brackets_are_not_part_of_the_name(string text) =>
        Assert.DoesNotContain("<", LooseAddress.ParseOne(text)?.Name ?? "", StringComparison.Ordinal);

    [Fact]
    public void Reads_a_list_of_two_names_without_addresses() =>
        Assert.Equal(["Alex Morgan", "Sam Lee"], LooseAddress.ParseList("Alex Morgan; Sam Lee").Select(a => a.Name));
}
