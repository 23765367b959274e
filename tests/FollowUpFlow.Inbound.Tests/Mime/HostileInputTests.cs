using System.Diagnostics;
using System.Text;
using FollowUpFlow.Inbound.Html;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>
/// Long runs of the characters each reader treats specially: every read stays linear. A linear read of these inputs
/// takes well under a second; a quadratic rescan of 100,000 characters takes tens of seconds, hence the budget.
/// </summary>
public sealed class HostileInputTests
{
    private const int Run = 100_000;
    private const int BudgetMilliseconds = 3_000;

    public static TheoryData<string, string> HeaderRuns()
    {
        var data = new TheoryData<string, string>();
        string[] fields = ["To", "Subject", "Date", "Content-Type", "Content-Disposition", "References", "Message-ID"];
        string[] runs = [":", " ", "(", ")", "\"", "<", "=?", "=?a?q?", "@", ";", "\\", "%", "a=", "*0*=", ".", ",", "a:b;"];
        foreach (var field in fields)
        {
            foreach (var run in runs)
            {
                data.Add(field, run);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HeaderRuns))]
    public void A_header_made_of_one_special_character_reads_in_linear_time(string field, string run)
    {
        var value = field == "Content-Type" ? "text/plain; name=" + Repeat(run) : Repeat(run);
        var bytes = Encoding.ASCII.GetBytes($"{field}: {value}\r\n\r\nbody");

        AssertFast(() => MimeReader.Parse(bytes.AsMemory()));
    }

    [Theory]
    [InlineData("\n--")]
    [InlineData("--b\n")]
    [InlineData("--b ")]
    [InlineData("\n\n")]
    [InlineData("=\n")]
    [InlineData("=")]
    [InlineData(">From ")]
    [InlineData("\nFrom ")]
    public void A_body_made_of_boundary_like_lines_reads_in_linear_time(string run)
    {
        var head = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(head + Repeat(run));

        AssertFast(() => MimeReader.Parse(bytes.AsMemory()));
        AssertFast(() => Assert.NotEmpty(MimeReader.ReadMbox(Encoding.ASCII.GetBytes("From x\n" + Repeat(run))).ToList()));
    }

    [Theory]
    [InlineData("<a href='")]
    [InlineData("<b>")]
    [InlineData("<table><tr><td>")]
    [InlineData("<!--")]
    [InlineData("<script>")]
    [InlineData("&amp;")]
    [InlineData("<a href=x>y</a>")]
    public void Html_made_of_one_construct_reads_in_linear_time(string run)
    {
        var html = string.Concat(Enumerable.Repeat(run, Run / run.Length));

        AssertFast(() => HtmlText.ToText(html));
    }

    private static string Repeat(string run) => string.Concat(Enumerable.Repeat(run, Run / run.Length));

    private static void AssertFast(Action read)
    {
        var stopwatch = Stopwatch.StartNew();
        read();
        Assert.True(stopwatch.ElapsedMilliseconds < BudgetMilliseconds, $"took {stopwatch.ElapsedMilliseconds} ms");
    }
}
