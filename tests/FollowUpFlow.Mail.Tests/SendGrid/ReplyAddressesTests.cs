using System.Security.Cryptography;
using System.Text;

namespace FollowUpFlow.Mail.Tests.SendGrid;

public class ReplyAddressesTests
{
    private const string Domain = "replies.followupflow.example";
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly string Id = MessageIds.Create("draft-42", "followupflow.local");

    private readonly ReplyAddresses _addresses = new(Key, Domain);

    [Fact]
    public void The_token_is_the_first_130_bits_of_the_HMAC_in_lower_case_base32()
    {
        // Computed independently: the MAC as a bit string, cut into 5-bit groups.
        var mac = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(Id));
        var bits = string.Concat(mac.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        var expected = string.Concat(Enumerable.Range(0, 26).Select(i => "abcdefghijklmnopqrstuvwxyz234567"[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));

        Assert.Equal(expected, _addresses.TokenFor(Id));
    }

    [Fact]
    public void The_token_is_stable_and_26_base32_characters()
    {
        var token = _addresses.TokenFor(Id);

        Assert.Equal(token, new ReplyAddresses(Key, Domain).TokenFor(Id));
        Assert.Matches("^[a-z2-7]{26}$", token);
    }

    [Fact]
    public void The_token_differs_per_message_and_per_key()
    {
        var otherKey = Key.Select(b => (byte)(b ^ 0x5A)).ToArray();

        Assert.NotEqual(_addresses.TokenFor(Id), _addresses.TokenFor(MessageIds.Create("draft-43", "followupflow.local")));
        Assert.NotEqual(_addresses.TokenFor(Id), _addresses.TokenFor(MessageIds.Create("Draft-42", "followupflow.local")));
        Assert.NotEqual(_addresses.TokenFor(Id), new ReplyAddresses(otherKey, Domain).TokenFor(Id));
    }

    [Fact]
    public void The_address_round_trips_through_TryReadToken()
    {
        var address = _addresses.AddressFor(Id, "Alex Candidate");

        Assert.Equal("Alex Candidate", address.DisplayName);
        Assert.Equal($"reply+{_addresses.TokenFor(Id)}@{Domain}", address.Address);
        Assert.True(_addresses.TryReadToken(address.Address, out var token));
        Assert.Equal(_addresses.TokenFor(Id), token);
        Assert.True(_addresses.Matches(Id, token));
        Assert.False(_addresses.Matches(MessageIds.Create("draft-43", "followupflow.local"), token));
    }

    [Fact]
    public void The_domain_is_matched_without_regard_to_case()
    {
        var address = $"reply+{_addresses.TokenFor(Id)}@{Domain.ToUpperInvariant()}";

        Assert.True(_addresses.TryReadToken(address, out var token));
        Assert.Equal(_addresses.TokenFor(Id), token);
    }

    [Theory]
    [InlineData("reply+{0}@evil.example")]
    [InlineData("reply+{0}@mail." + Domain)]
    [InlineData("reply+{0}@" + Domain + ".evil.example")]
    [InlineData("reply+{0}x@" + Domain)]
    [InlineData("reply+x{0}@" + Domain)]
    [InlineData("replies+{0}@" + Domain)]
    [InlineData("reply-{0}@" + Domain)]
    [InlineData("Reply+{0}@" + Domain)]
    [InlineData("{0}@" + Domain)]
    [InlineData("reply+{0}@" + Domain + " ")]
    [InlineData("<reply+{0}@" + Domain + ">")]
    [InlineData("reply+{0}")]
    public void Look_alike_addresses_are_refused(string pattern)
    {
        var address = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, _addresses.TokenFor(Id));

        Assert.False(_addresses.TryReadToken(address, out var token));
        Assert.Equal("", token);
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    [InlineData("abcdefghijklmnopqrstuvwxyz2")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    [InlineData("abcdefghijklmnopqrstuvwx01")]
    [InlineData("abcdefghijklmnopqrstuvwx89")]
    [InlineData("abcdefghijklmnopqrstuvwx.z")]
    public void Tokens_of_the_wrong_shape_are_refused(string token) =>
        Assert.False(_addresses.TryReadToken($"reply+{token}@{Domain}", out _));

    [Fact]
    public void A_token_of_the_right_shape_is_read_even_if_no_message_has_it()
    {
        // Reading only checks the shape; Matches decides whether it belongs to a message.
        Assert.True(_addresses.TryReadToken($"reply+abcdefghijklmnopqrstuvwxyz@{Domain}", out var token));
        Assert.False(_addresses.Matches(Id, token));
    }

    [Fact]
    public void A_short_key_or_a_bad_domain_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ReplyAddresses(new byte[31], Domain));
        Assert.Throws<ArgumentException>(() => new ReplyAddresses(Key, "localhost"));
        Assert.Throws<ArgumentException>(() => new ReplyAddresses(Key, "bad domain.example"));
    }

    [Fact]
    public void Only_a_message_id_gets_a_token() =>
        Assert.Throws<ArgumentException>(() => _addresses.TokenFor("draft-42"));
}
