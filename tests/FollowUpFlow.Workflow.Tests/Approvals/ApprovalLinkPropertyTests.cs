using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Approvals;
using FsCheck;
using FsCheck.Fluent;

namespace FollowUpFlow.Workflow.Tests.Approvals;

/// <summary>The signer's promises over generated ids, times and inputs rather than a handful of examples.</summary>
public sealed class ApprovalLinkPropertyTests
{
    private const string IdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void Any_valid_ids_and_lifetime_round_trip_and_expire_exactly_at_their_expiry()
    {
        var cases =
            from userId in Id()
            from interviewId in Id()
            from draftId in Id()
            from lifetimeSeconds in Gen.Choose(1, 60 * 60 * 24 * 30)
            from startSeconds in Gen.Choose(0, int.MaxValue)
            select (userId, interviewId, draftId, lifetimeSeconds, startSeconds);

        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
        {
            var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(c.startSeconds));
            var signer = new ApprovalLinkSigner([TestKeys.Current, TestKeys.Previous], TimeSpan.FromSeconds(c.lifetimeSeconds), clock);

            var signed = signer.Sign(c.userId, c.interviewId, c.draftId);
            var valid = signer.Verify(signed.Token);
            clock.Advance(TimeSpan.FromSeconds(c.lifetimeSeconds));
            var expired = signer.Verify(signed.Token);

            Assert.Equal(ApprovalLinkStatus.Valid, valid.Status);
            Assert.Equal((c.userId, c.interviewId, c.draftId), (valid.Link!.UserId, valid.Link.InterviewId, valid.Link.DraftId));
            Assert.True(signed.Token.Length <= ApprovalLinkSigner.MaxTokenLength);
            Assert.Equal(ApprovalLinkStatus.Expired, expired.Status);
        }));
    }

    [Fact]
    public void Arbitrary_strings_are_never_valid_and_never_throw()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var status = signer.Verify(text).Status;
            Assert.True(status is ApprovalLinkStatus.Malformed or ApprovalLinkStatus.Forged, $"Got {status}.");
        }));
    }

    [Fact]
    public void A_token_from_another_key_with_any_ids_is_forged()
    {
        var clock = TestKeys.Clock();
        var forger = TestKeys.Signer(clock, TestKeys.Unrelated);
        var signer = TestKeys.Signer(clock, TestKeys.Current, TestKeys.Previous);
        var cases = from u in Id() from i in Id() from d in Id() select (u, i, d);

        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
            Assert.Equal(ApprovalLinkStatus.Forged, signer.Verify(forger.Sign(c.u, c.i, c.d).Token).Status)));
    }

    [Fact]
    public void A_valid_token_spliced_with_another_valid_tokens_signature_is_forged()
    {
        var signer = TestKeys.Signer(TestKeys.Clock());
        var cases = from a in Id() from b in Id() select (a, b);

        Check.One(Runs, Prop.ForAll(Arb.From(cases), c =>
        {
            var first = signer.Sign("default", c.a, c.a + "-d1").Token.Split('.');
            var second = signer.Sign("default", c.b, c.b + "-d1").Token.Split('.');

            Assert.Equal(ApprovalLinkStatus.Forged, signer.Verify(first[0] + "." + second[1]).Status);
        }));
    }

    private static Gen<string> Id() =>
        from length in Gen.Choose(1, 60)
        from chars in Gen.ArrayOf(Gen.Elements(IdChars.ToCharArray()), length)
        select new string(chars);
}
