using System.Net;
using Entregent.Web.Features.Groups;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Messaging;

/// <summary>
/// The one rule (MessagingAccess) through POST /api/v1/conversations: for each relation between author and recipient,
/// the answer, and where the message lands for the recipient (nothing at all when refused).
/// </summary>
public class WhoMayWriteTests(EntregentFactory app) : IntegrationTest(app)
{
    public static TheoryData<string, int, string?> Table => new()
    {
        { "connection", 201, "inbox" },
        { "secondDegree", 403, null },
        { "stranger", 403, null },
        { "fellowGroupMember", 201, "requests" },
        { "fellowGroupMemberAndConnection", 201, "inbox" },
        { "introductionJoined", 201, "inbox" },
        { "blockedByRecipient", 404, null },
        { "blockedByAuthor", 404, null },
        { "leftTheGroup", 403, null },
        { "internalGroupUnverified", 403, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Open_Relation_ExpectedAnswerAndFolder(string relation, int status, string? folder)
    {
        var author = await RegisterMemberAsync("Ann Author");
        var recipient = await RegisterMemberAsync("Rob Recipient");
        switch (relation)
        {
            case "connection":
                await ConnectAsync(author, recipient);
                break;
            case "secondDegree":
                var middle = await RegisterMemberAsync("Mia Middle");
                await ConnectAsync(author, middle);
                await ConnectAsync(middle, recipient);
                break;
            case "fellowGroupMember":
                await GroupOfAsync(author, recipient);
                break;
            case "fellowGroupMemberAndConnection":
                await GroupOfAsync(author, recipient);
                await ConnectAsync(author, recipient);
                break;
            case "introductionJoined":
                var through = await RegisterMemberAsync("Ivan Intermediary");
                await ConnectAsync(author, through);
                await ConnectAsync(through, recipient);
                var id = (await author.RequestIntroductionAsync(recipient, through, "Hello.", Cancellation)).Id();
                await through.ForwardIntroductionAsync(id, null, Cancellation);
                await recipient.AcceptIntroductionAsync(id, Cancellation);
                break;
            case "blockedByRecipient":
                await ConnectAsync(author, recipient);
                await recipient.BlockAsync(author, Cancellation);
                break;
            case "blockedByAuthor":
                await GroupOfAsync(author, recipient);
                await author.BlockAsync(recipient, Cancellation);
                break;
            case "leftTheGroup":
                var slug = await GroupOfAsync(author, recipient);
                var recipientId = await App.MemberIdAsync(recipient, Cancellation);
                await App.InStoreAsync(db => db.GroupMemberships.Where(m => m.MemberId == recipientId && db.Groups.Any(g => g.Id == m.GroupId && g.Slug == slug))
                    .ExecuteDeleteAsync(Cancellation));
                break;
            case "internalGroupUnverified":
                var organizationId = await App.InStoreAsync(async db =>
                {
                    var organization = new Entregent.Web.Features.Organizations.Organization
                    {
                        Name = MemberActions.UniqueName("Acme"), MatchKey = Guid.NewGuid().ToString("N"), Slug = Guid.NewGuid().ToString("N")[..12],
                    };
                    db.Organizations.Add(organization);
                    await db.SaveChangesAsync(Cancellation);
                    return organization.Id;
                });
                await App.VerifyInStoreAsync(author, organizationId, Cancellation);
                await App.CreateGroupInStoreAsync(author, GroupKind.Private, [recipient], organizationId: organizationId, isInternal: true,
                    cancellationToken: Cancellation);
                break;
        }
        await WaitForNetworkAsync();

        using var response = await author.SendOpenConversationAsync([recipient.Handle], "Hello from Ann.", cancellationToken: Cancellation);

        if (status == 201)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.ReadJsonAsync(Cancellation)).Id();
            Assert.Contains(id, await recipient.ConversationIdsAsync(folder!, Cancellation));
            Assert.Contains(id, await author.ConversationIdsAsync("inbox", Cancellation));
            var other = folder == "inbox" ? "requests" : "inbox";
            Assert.DoesNotContain(id, await recipient.ConversationIdsAsync(other, Cancellation));
        }
        else
        {
            var problem = await AssertProblemAsync(response, (HttpStatusCode)status);
            if (status == 403)
            {
                Assert.Contains("introduction", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
            Assert.Empty(await recipient.ConversationsAsync("inbox", Cancellation));
            Assert.Empty(await recipient.ConversationsAsync("requests", Cancellation));
        }
    }

    [Fact]
    public async Task Open_GroupConversation_EachRecipientChecked_OneRefusedRefusesAll()
    {
        var ann = await RegisterMemberAsync("Ann Host");
        var bea = await RegisterMemberAsync("Bea Friend");
        var cid = await RegisterMemberAsync("Cid Fellow");
        var dan = await RegisterMemberAsync("Dan Stranger");
        await ConnectAsync(ann, bea);
        await GroupOfAsync(ann, cid);
        await WaitForNetworkAsync();

        using var refused = await ann.SendOpenConversationAsync([bea.Handle, cid.Handle, dan.Handle], "Hi all", "Plans", cancellationToken: Cancellation);
        var problem = await AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("Dan Stranger", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await bea.ConversationsAsync("inbox", Cancellation));

        var id = await ann.WriteToAsync([bea, cid], "Hi both", "Plans", Cancellation);
        var conversation = await ann.GetJsonAsync($"/api/v1/conversations/{id}", Cancellation);
        Assert.Equal("group", conversation.GetProperty("kind").GetString());
        Assert.Equal("Plans", conversation.GetProperty("subject").GetString());
        Assert.Contains(id, await bea.ConversationIdsAsync("inbox", Cancellation));
        Assert.Contains(id, await cid.ConversationIdsAsync("requests", Cancellation));
    }

    [Fact]
    public async Task Open_OneToOneTwice_ReusesTheDirectConversation()
    {
        var ann = await RegisterMemberAsync("Ann Again");
        var bob = await RegisterMemberAsync("Bob Again");
        await ConnectAsync(ann, bob);
        var first = await ann.WriteToAsync([bob], "One", cancellationToken: Cancellation);
        var second = await bob.WriteToAsync([ann], "Two", cancellationToken: Cancellation);
        Assert.Equal(first, second);
        var messages = (await ann.GetJsonAsync($"/api/v1/conversations/{first}", Cancellation)).GetProperty("messages");
        Assert.Equal(["One", "Two"], messages.EnumerateArray().Select(m => m.GetProperty("body").GetString()));
    }

    [Fact]
    public async Task Send_TalliesBothDirections_InCorrespondence()
    {
        var ann = await RegisterMemberAsync("Ann Tally");
        var bob = await RegisterMemberAsync("Bob Tally");
        await ConnectAsync(ann, bob);
        var id = await ann.WriteToAsync([bob], "One", cancellationToken: Cancellation);
        await ann.ReplyAsync(id, "Two", Cancellation);
        await bob.ReplyAsync(id, "Three", Cancellation);
        var annId = await App.MemberIdAsync(ann, Cancellation);
        var bobId = await App.MemberIdAsync(bob, Cancellation);
        var tallies = await App.InStoreAsync(db => db.Correspondence.Where(c => c.FromId == annId || c.FromId == bobId)
            .Select(c => new { c.FromId, c.ToId, c.MessageCount }).ToListAsync(Cancellation));
        Assert.Equal(2, tallies.Single(t => t.FromId == annId && t.ToId == bobId).MessageCount);
        Assert.Equal(1, tallies.Single(t => t.FromId == bobId && t.ToId == annId).MessageCount);
    }
}
