using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class AddressParserTests
{
    private static List<MailboxAddress> To(string raw) => [.. Mail.Parse($"To: {raw}\n\nbody").To];

    [Theory]
    [InlineData("jane@example.com", null, "jane@example.com")]
    [InlineData("<jane@example.com>", null, "jane@example.com")]
    [InlineData("Jane Doe <jane@example.com>", "Jane Doe", "jane@example.com")]
    [InlineData("\"Doe, Jane\" <jane@example.com>", "Doe, Jane", "jane@example.com")]
    [InlineData("\"Jane \\\"JD\\\" Doe\" <jane@example.com>", "Jane \"JD\" Doe", "jane@example.com")]
    [InlineData("jane@example.com (Jane Doe)", "Jane Doe", "jane@example.com")]
    [InlineData("Dr. Mark K. Joseph <izzy@scr.atm.com>", "Dr. Mark K. Joseph", "izzy@scr.atm.com")]
    [InlineData("=?utf-8?Q?Ren=C3=A9e_Dupont?= <renee@example.fr>", "Renée Dupont", "renee@example.fr")]
    [InlineData("\"=?utf-8?Q?Ren=C3=A9e?=\" <renee@example.fr>", "Renée", "renee@example.fr")]
    [InlineData("=?utf-8?Q?Ren=C3=A9e?= =?utf-8?Q?_Dupont?= <renee@example.fr>", "Renée Dupont", "renee@example.fr")]
    [InlineData("Jane <@relay.example.org,@gw.example.net:jane@example.com>", "Jane", "jane@example.com")]
    [InlineData("\"jane doe\"@example.com", null, "\"jane doe\"@example.com")]
    [InlineData("jane@[192.0.2.1]", null, "jane@[192.0.2.1]")]
    [InlineData("Jane Doe jane@example.com", "Jane Doe", "jane@example.com")]
    [InlineData("develop!nextmime@ebony@sblab.att.com", null, "develop!nextmime@ebony")]
    [InlineData("Jane <mailto:jane@example.com>", "Jane", "jane@example.com")]
    [InlineData("jwz", null, "jwz")]
    public void One_mailbox_in_its_many_spellings(string raw, string? name, string address)
    {
        Assert.Equal(new MailboxAddress(name, address), Assert.Single(To(raw)));
    }

    [Fact]
    public void Lists_and_groups_flatten_into_mailboxes_in_order()
    {
        var mailboxes = To("a@x.org, Team: b@x.org, \"C\" <c@x.org>;, d@x.org, undisclosed-recipients:;");

        Assert.Equal(["a@x.org", "b@x.org", "c@x.org", "d@x.org"], mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void Groups_keep_their_names_for_whoever_needs_them()
    {
        var items = AddressParser.ParseList("Team: b@x.org, c@x.org;, lone@x.org, empty:;", new ReadContext(MimeLimits.Default));

        Assert.Equal(3, items.Length);
        var team = Assert.IsType<GroupItem>(items[0]);
        Assert.Equal("Team", team.Name);
        Assert.Equal(["b@x.org", "c@x.org"], team.Members.Select(m => m.Address));
        Assert.Equal("lone@x.org", Assert.IsType<MailboxItem>(items[1]).Mailbox.Address);
        Assert.Empty(Assert.IsType<GroupItem>(items[2]).Members);
    }

    [Fact]
    public void Garbage_is_skipped_with_a_problem_and_the_rest_is_kept()
    {
        var message = Mail.Parse("To: just some words, jane@example.com, ,, <>, \"unterminated <x@y.org>\n\nbody");

        Assert.Equal(["jane@example.com"], message.To.Select(m => m.Address));
        Assert.Contains(MimeProblemCodes.AddressUnreadable, Mail.Codes(message));
    }

    [Fact]
    public void From_Sender_ReplyTo_and_Cc_are_read_and_repeated_fields_are_joined()
    {
        var message = Mail.Parse("""
            From: Jane <jane@example.com>
            Sender: Assistant <assist@example.com>, other@example.com
            Reply-To: replies@example.com
            Cc: one@example.com
            Cc: two@example.com

            body
            """);

        Assert.Equal("jane@example.com", message.From.Single().Address);
        Assert.Equal(new MailboxAddress("Assistant", "assist@example.com"), message.Sender);
        Assert.Equal("replies@example.com", message.ReplyTo.Single().Address);
        Assert.Equal(["one@example.com", "two@example.com"], message.Cc.Select(m => m.Address));
    }

    [Fact]
    public void Unterminated_comments_and_brackets_do_not_run_away()
    {
        Assert.Equal("jane@example.com", To("jane@example.com (Jane").Single().Address);
        Assert.Equal("jane@example.com", To("Jane <jane@example.com").Single().Address);
    }
}
