using System.Buffers.Text;
using System.Security.Cryptography;
using FollowUpFlow.Workflow.Approvals;

namespace FollowUpFlow.Workflow.Tests.Approvals;

public sealed class ApprovalLinkSignerTests
{
    private const string UserId = "default";
    private const string InterviewId = "in-0123456789abcdef0123";
    private const string DraftId = "in-0123456789abcdef0123-d3";

    [Fact]
    public void A_signed_link_verifies_back_to_what_was_signed()
    {
        var clock = TestKeys.Clock();
        var signer = TestKeys.Signer(clock);

        var signed = signer.Sign(UserId, InterviewId, DraftId);
        var result = signer.Verify(signed.Token);

        Assert.Equal(ApprovalLinkStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.Equal(signed.Link, result.Link);
        Assert.Equal(new ApprovalLink(UserId, InterviewId, DraftId, ApprovalAction.Approve, TestKeys.Start + TestKeys.Lifetime, signed.Link.Nonce), result.Link);
        Assert.Matches("^[0-9a-f]{32}$", signed.Link.Nonce);
    }

    [Fact]
    public void A_token_is_url_safe_and_within_the_advertised_length()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var longest = new string('x', 128);

        var token = signer.Sign(longest, longest, longest).Token;

        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(ApprovalLinkSigner.MaxTokenLength, token.Length);
        Assert.Equal(Uri.EscapeDataString(token), token);
        Assert.True(signer.Verify(token).IsValid);
    }

    [Fact]
    public void Two_links_for_the_same_draft_have_different_nonces_and_tokens()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());

        var first = signer.Sign(UserId, InterviewId, DraftId);
        var second = signer.Sign(UserId, InterviewId, DraftId);

        Assert.NotEqual(first.Link.Nonce, second.Link.Nonce);
        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public void Every_single_character_change_of_a_token_is_refused_as_forged_or_malformed()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var token = signer.Sign(UserId, InterviewId, DraftId).Token;
        var replacements = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ %\0é\u00ff\ud83d";
        var tried = 0;
        var forged = 0;

        for (var i = 0; i < token.Length; i++)
        {
            foreach (var c in replacements.Where(c => c != token[i]))
            {
                var changed = string.Concat(token.AsSpan(0, i), c.ToString(), token.AsSpan(i + 1));
                var status = signer.Verify(changed).Status;
                Assert.True(status is ApprovalLinkStatus.Forged or ApprovalLinkStatus.Malformed, $"Changing position {i} to U+{(int)c:X4} gave {status}.");
                tried++;
                forged += status == ApprovalLinkStatus.Forged ? 1 : 0;
            }

            Assert.False(signer.Verify(token.Remove(i, 1)).IsValid, $"Dropping position {i} was accepted.");
            Assert.False(signer.Verify(token.Insert(i, "A")).IsValid, $"Inserting at position {i} was accepted.");
        }

        // Most changes decode to other bytes and are caught by the MAC, not by the shape check alone.
        Assert.True(forged > tried / 2, $"Only {forged} of {tried} changes reached the MAC check.");
    }

    [Fact]
    public void Every_single_byte_change_of_the_payload_or_the_signature_is_refused_as_forged()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var token = signer.Sign(UserId, InterviewId, DraftId).Token;
        var parts = token.Split('.');
        var payload = Base64Url.DecodeFromChars(parts[0]);
        var mac = Base64Url.DecodeFromChars(parts[1]);

        for (var part = 0; part < 2; part++)
        {
            var bytes = part == 0 ? payload : mac;
            for (var i = 0; i < bytes.Length; i++)
            {
                foreach (var mask in new byte[] { 0x01, 0x02, 0x10, 0x80, 0xFF })
                {
                    var changed = bytes.ToArray();
                    changed[i] ^= mask;
                    var tampered = part == 0
                        ? Base64Url.EncodeToString(changed) + "." + parts[1]
                        : parts[0] + "." + Base64Url.EncodeToString(changed);
                    Assert.Equal(ApprovalLinkStatus.Forged, signer.Verify(tampered).Status);
                }
            }
        }
    }

    [Fact]
    public void A_final_character_with_unused_bits_set_is_not_another_spelling_of_the_same_token()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var token = signer.Sign(UserId, InterviewId, DraftId).Token;
        // 32 MAC bytes fill 42 characters and 4 bits of the 43rd: its 2 low bits are unused and must be zero.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = Alphabet.IndexOf(token[^1], StringComparison.Ordinal);

        var respelled = token[..^1] + Alphabet[last | 1];

        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(respelled).Status);
        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(token + "=").Status);
    }

    [Fact]
    public void A_link_is_valid_until_the_second_before_its_expiry_and_expired_from_that_instant_on()
    {
        var clock = TestKeys.Clock();
        var signer = TestKeys.Signer(clock);
        var signed = signer.Sign(UserId, InterviewId, DraftId);
        var expiry = TestKeys.Start + TestKeys.Lifetime;
        Assert.Equal(expiry, signed.Link.ExpiresAt);

        clock.SetUtcNow(expiry - TimeSpan.FromTicks(1));
        Assert.Equal(ApprovalLinkStatus.Valid, signer.Verify(signed.Token).Status);

        clock.SetUtcNow(expiry);
        var atExpiry = signer.Verify(signed.Token);
        Assert.Equal(ApprovalLinkStatus.Expired, atExpiry.Status);
        Assert.False(atExpiry.IsValid);
        Assert.Equal(signed.Link, atExpiry.Link);

        clock.SetUtcNow(expiry + TimeSpan.FromDays(400));
        Assert.Equal(ApprovalLinkStatus.Expired, signer.Verify(signed.Token).Status);
    }

    [Fact]
    public void The_expiry_is_rounded_down_to_whole_seconds_so_a_link_never_outlives_its_lifetime()
    {
        var clock = TestKeys.Clock();
        clock.SetUtcNow(TestKeys.Start + TimeSpan.FromMilliseconds(999));
        var signer = TestKeys.Signer(clock);

        var signed = signer.Sign(UserId, InterviewId, DraftId);

        Assert.Equal(TestKeys.Start + TestKeys.Lifetime, signed.Link.ExpiresAt);
    }

    [Fact]
    public void A_link_does_not_outlive_the_limit_it_is_given()
    {
        var clock = TestKeys.Clock();
        var signer = TestKeys.Signer(clock);
        var draftExpiry = TestKeys.Start + TimeSpan.FromHours(5);

        var capped = signer.Sign(UserId, InterviewId, DraftId, notAfter: draftExpiry);
        var uncapped = signer.Sign(UserId, InterviewId, DraftId, notAfter: TestKeys.Start + TimeSpan.FromDays(10));

        Assert.Equal(draftExpiry, capped.Link.ExpiresAt);
        Assert.Equal(TestKeys.Start + TestKeys.Lifetime, uncapped.Link.ExpiresAt);
        clock.SetUtcNow(draftExpiry);
        Assert.Equal(ApprovalLinkStatus.Expired, signer.Verify(capped.Token).Status);
        Assert.Equal(ApprovalLinkStatus.Valid, signer.Verify(uncapped.Token).Status);
    }

    [Fact]
    public void After_a_rotation_links_signed_with_a_listed_old_key_still_verify_and_new_links_use_the_new_key()
    {
        var clock = TestKeys.Clock();
        var before = TestKeys.Signer(clock, TestKeys.Previous);
        var during = TestKeys.Signer(clock, TestKeys.Current, TestKeys.Previous);
        var oldLink = before.Sign(UserId, InterviewId, DraftId);

        var verified = during.Verify(oldLink.Token);
        var newLink = during.Sign(UserId, InterviewId, DraftId);

        Assert.Equal(ApprovalLinkStatus.Valid, verified.Status);
        Assert.Equal(oldLink.Link, verified.Link);
        Assert.Equal(ApprovalLinkStatus.Valid, TestKeys.Signer(clock, TestKeys.Current).Verify(newLink.Token).Status);
        Assert.Equal(ApprovalLinkStatus.Forged, before.Verify(newLink.Token).Status);
    }

    [Fact]
    public void A_link_signed_with_a_key_rotated_out_is_refused_as_forged()
    {
        var clock = TestKeys.Clock();
        var oldLink = TestKeys.Signer(clock, TestKeys.Previous).Sign(UserId, InterviewId, DraftId);

        var after = TestKeys.Signer(clock, TestKeys.Current, TestKeys.Unrelated);

        var result = after.Verify(oldLink.Token);
        Assert.Equal(ApprovalLinkStatus.Forged, result.Status);
        Assert.Null(result.Link);
    }

    [Fact]
    public void An_expired_link_with_a_bad_signature_is_forged_not_expired()
    {
        var clock = TestKeys.Clock();
        var forger = TestKeys.Signer(clock, TestKeys.Unrelated);
        var token = forger.Sign(UserId, InterviewId, DraftId).Token;
        clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(ApprovalLinkStatus.Forged, TestKeys.Signer(clock).Verify(token).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("abc")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("a.b.c")]
    [InlineData("AQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.")]
    [InlineData("A.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AQ==.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AQ+/.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AQ .AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%41Q.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_is_malformed_without_an_exception(string? token)
    {
        var signer = TestKeys.Signer(TestKeys.Clock());

        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(token).Status);
    }

    [Fact]
    public void A_well_shaped_token_with_a_wrong_signature_is_forged()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());

        Assert.Equal(ApprovalLinkStatus.Forged, signer.Verify("AQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").Status);
    }

    [Fact]
    public void An_oversized_token_is_malformed_before_it_is_decoded()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var valid = signer.Sign(UserId, InterviewId, DraftId).Token;

        var justTooLong = new string('A', ApprovalLinkSigner.MaxTokenLength - 44) + "A." + new string('A', 43);
        var huge = new string('A', 10_000_000) + valid;

        Assert.Equal(ApprovalLinkSigner.MaxTokenLength + 1, justTooLong.Length);
        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(justTooLong).Status);
        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(huge).Status);
    }

    [Theory]
    [InlineData(new byte[] { 2, 1 })] // a version this code does not know
    [InlineData(new byte[] { 1, 9 })] // an action this code does not know
    [InlineData(new byte[] { 1 })] // cut short
    [InlineData(new byte[] { })] // nothing at all
    public void An_authentic_payload_this_version_cannot_read_is_malformed(byte[] head)
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var real = Base64Url.DecodeFromChars(signer.Sign(UserId, InterviewId, DraftId).Token.Split('.')[0]);
        var payload = head.Length < 2 ? head : [.. head, .. real.AsSpan(2)];

        var token = SignRaw(payload);

        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(token).Status);
    }

    [Fact]
    public void An_authentic_payload_with_trailing_bytes_or_a_bad_id_is_malformed()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var real = Base64Url.DecodeFromChars(signer.Sign(UserId, InterviewId, DraftId).Token.Split('.')[0]);
        var withTrailing = real.Append((byte)'x').ToArray();
        var withSlash = real.ToArray();
        withSlash[^1] = (byte)'/';
        var withZeroLength = real.ToArray();
        withZeroLength[26] = 0;

        Assert.Equal(ApprovalLinkStatus.Valid, signer.Verify(SignRaw(real)).Status);
        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(SignRaw(withTrailing)).Status);
        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(SignRaw(withSlash)).Status);
        Assert.Equal(ApprovalLinkStatus.Malformed, signer.Verify(SignRaw(withZeroLength)).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("hash#")]
    [InlineData("ümlaut")]
    public void Signing_refuses_an_id_that_is_not_letters_digits_dots_dashes_or_underscores(string bad)
    {
        var signer = TestKeys.Signer(TestKeys.Clock());

        Assert.Throws<ArgumentException>(() => signer.Sign(bad, InterviewId, DraftId));
        Assert.Throws<ArgumentException>(() => signer.Sign(UserId, bad, DraftId));
        Assert.Throws<ArgumentException>(() => signer.Sign(UserId, InterviewId, bad));
        Assert.Throws<ArgumentException>(() => signer.Sign(UserId, InterviewId, new string('d', 129)));
        Assert.Throws<ArgumentOutOfRangeException>(() => signer.Sign(UserId, InterviewId, DraftId, (ApprovalAction)7));
    }

    [Fact]
    public void A_signer_needs_keys_of_at_least_32_bytes_and_a_positive_lifetime()
    {
        var clock = TestKeys.Clock();

        Assert.Throws<ArgumentException>(() => new ApprovalLinkSigner([], TestKeys.Lifetime, clock));
        Assert.Throws<ArgumentException>(() => new ApprovalLinkSigner([new byte[31]], TestKeys.Lifetime, clock));
        Assert.Throws<ArgumentException>(() => new ApprovalLinkSigner([TestKeys.Current, new byte[16]], TestKeys.Lifetime, clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApprovalLinkSigner([TestKeys.Current], TimeSpan.Zero, clock));
    }

    [Fact]
    public void A_signer_keeps_its_own_copy_of_the_keys()
    {
        var clock = TestKeys.Clock();
        var key = TestKeys.Current.ToArray();
        var signer = new ApprovalLinkSigner([key], TestKeys.Lifetime, clock);
        var token = signer.Sign(UserId, InterviewId, DraftId).Token;

        Array.Clear(key);

        Assert.True(signer.Verify(token).IsValid);
    }

    [Fact]
    public void The_token_stays_out_of_the_signed_links_text()
    {
        var signed = TestKeys.Signer(TestKeys.Clock()).Sign(UserId, InterviewId, DraftId);

        var text = signed.ToString();

        Assert.DoesNotContain(signed.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(signed.Token.Split('.')[1], text, StringComparison.Ordinal);
        Assert.Contains(DraftId, text, StringComparison.Ordinal);
    }

    private static string SignRaw(byte[] payload) =>
        Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(TestKeys.Current, payload));
}
