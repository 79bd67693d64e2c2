using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Posts;
using Entregent.Web.Tests.Infrastructure;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Notifications;

/// <summary>The centre: paging, unread state, settings, what is hidden when shown, and who may do what.</summary>
public class NotificationCentreTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task List_PagedNewestFirst_CursorWalksEveryOneOnce()
    {
        var ada = await RegisterMemberAsync("Ada Paged");
        var ids = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, $"/search?q={i}", $"match {i}", cancellationToken: Cancellation));
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ada.NotificationsAsync("?limit=10" + (cursor is null ? "" : "&cursor=" + cursor), Cancellation);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids.OrderDescending(), seen);
    }

    [Fact]
    public async Task Unread_MarkOneThenAll_CountAndFilterFollow()
    {
        var ada = await RegisterMemberAsync("Ada Reader");
        var first = await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=a", cancellationToken: Cancellation);
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=b", cancellationToken: Cancellation);
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=c", cancellationToken: Cancellation);

        Assert.Equal(3, await ada.UnreadNotificationCountAsync(Cancellation));
        using (var read = await ada.Client.PostAsync(new Uri($"/api/v1/notifications/{first}/read", UriKind.Relative), null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }
        Assert.Equal(2, await ada.UnreadNotificationCountAsync(Cancellation));
        var unread = await ada.NotificationsAsync("?unread=true", Cancellation);
        Assert.DoesNotContain(unread.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == first);
        var all = await ada.NotificationsAsync(cancellationToken: Cancellation);
        Assert.True(all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == first).GetProperty("read").GetBoolean());

        using (var readAll = await ada.Client.PostAsync(new Uri("/api/v1/notifications/read-all", UriKind.Relative), null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, readAll.StatusCode);
        }
        Assert.Equal(0, await ada.UnreadNotificationCountAsync(Cancellation));
        Assert.Equal(0, (await ada.NotificationsAsync("?unread=true", Cancellation)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Settings_DefaultsThenChanged_MutedKindHiddenFromCentreAndCount()
    {
        var ada = await RegisterMemberAsync("Ada Settings");
        var defaults = await ada.GetJsonAsync("/api/v1/me/notification-settings", Cancellation);
        Assert.Equal("weekly", defaults.GetProperty("digest").GetString());
        Assert.Equal(0, defaults.GetProperty("mutedKinds").GetArrayLength());
        await App.NotifyInStoreAsync(ada, NotificationKind.WorkAnniversary, null, "/in/someone", cancellationToken: Cancellation);
        await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=x", cancellationToken: Cancellation);

        var changed = await ada.SetNotificationSettingsAsync(new { digest = "daily", mutedKinds = VisibilitySetUp.WorkAnniversary, notEmailedKinds = VisibilitySetUp.WatchMatch }, Cancellation);

        Assert.Equal("daily", changed.GetProperty("digest").GetString());
        Assert.Equal(["workAnniversary"], changed.GetProperty("mutedKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["watchMatch"], await ada.NotificationKindsAsync(Cancellation));
        Assert.Equal(1, await ada.UnreadNotificationCountAsync(Cancellation));
        // Fields left out keep their value.
        var partial = await ada.SetNotificationSettingsAsync(new { digest = "off" }, Cancellation);
        Assert.Equal(["workAnniversary"], partial.GetProperty("mutedKinds").EnumerateArray().Select(k => k.GetString()));
    }

    [Theory]
    [InlineData("{\"mutedKinds\":[\"gossip\"]}", "mutedKinds")]
    [InlineData("{\"notEmailedKinds\":[\"<script>alert(1)</script>\"]}", "notEmailedKinds")]
    [InlineData("{\"digest\":\"hourly\"}", "digest")]
    [InlineData("{\"digest\":\"1\"}", "digest")]
    public async Task Settings_UnknownValues_BadRequestNamingTheField(string json, string field)
    {
        var ada = await RegisterMemberAsync("Ada Typo");
        using var response = await ada.Client.PutAsync(new Uri("/api/v1/me/notification-settings", UriKind.Relative), RawJson(json), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal("weekly", (await ada.GetJsonAsync("/api/v1/me/notification-settings", Cancellation)).GetProperty("digest").GetString());
    }

    [Theory]
    [InlineData("?cursor=abc", "cursor")]
    [InlineData("?cursor=-4", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    public async Task List_BadPaging_BadRequest(string query, string field)
    {
        var ada = await RegisterMemberAsync("Ada Cursor");
        using var response = await ada.Client.GetAsync(new Uri("/api/v1/notifications" + query, UriKind.Relative), Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Routes_Anonymous_Unauthorized()
    {
        using var anonymous = AnonymousClient();
        foreach (var (method, path) in new[]
        {
            ("GET", "/api/v1/notifications"), ("GET", "/api/v1/notifications/unread-count"), ("POST", "/api/v1/notifications/1/read"),
            ("POST", "/api/v1/notifications/read-all"), ("GET", "/api/v1/me/notification-settings"), ("PUT", "/api/v1/me/notification-settings"),
            ("GET", "/api/v1/me/details-flags"), ("POST", "/api/v1/me/details-flags/1/dismiss"), ("POST", "/api/v1/me/sections/intro/confirmation"),
            ("POST", "/api/v1/members/someone/details-flags"), ("GET", "/api/v1/me/reconnect"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method != "GET")
            {
                request.Content = JsonContent.Create(new { });
            }
            using var response = await anonymous.SendAsync(request, Cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task MarkRead_SomeoneElsesOrUnknown_NotFoundAndUnchanged()
    {
        var ada = await RegisterMemberAsync("Ada Owner");
        var eve = await RegisterMemberAsync("Eve Other");
        var id = await App.NotifyInStoreAsync(ada, NotificationKind.WatchMatch, null, "/search?q=a", cancellationToken: Cancellation);

        using var theirs = await eve.Client.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null, Cancellation);
        using var unknown = await eve.Client.PostAsync(new Uri($"/api/v1/notifications/{long.MaxValue}/read", UriKind.Relative), null, Cancellation);
        using (var all = await eve.Client.PostAsync(new Uri("/api/v1/notifications/read-all", UriKind.Relative), null, Cancellation)) { }

        await AssertProblemAsync(theirs, HttpStatusCode.NotFound);
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(1, await ada.UnreadNotificationCountAsync(Cancellation));
        Assert.Empty(await eve.NotificationKindsAsync(Cancellation));
    }

    /// <summary>The visibility table for the centre and the badge: each case hides exactly the notification it should.</summary>
    [Theory]
    [MemberData(nameof(VisibilitySetUp.Situations), MemberType = typeof(VisibilitySetUp))]
    public async Task Visibility_Centre_HiddenWhenNoLongerVisible(string situation)
    {
        var (recipient, id, visible) = await VisibilitySetUp.ArrangeAsync(App, situation, Cancellation);

        var shown = (await recipient.NotificationsAsync("?limit=100", Cancellation)).GetProperty("items").EnumerateArray()
            .Any(i => i.GetProperty("id").GetInt64() == id);

        Assert.Equal(visible, shown);
        Assert.Equal(visible ? 1 : 0, await recipient.UnreadNotificationCountAsync(Cancellation));
    }
}

/// <summary>
/// One row of the visibility table: a recipient with exactly one notification, in a situation that should (or should
/// not) hide it; shared by the centre's and the digest's tests.
/// </summary>
public static class VisibilitySetUp
{
    /// <summary>The rows of the table.</summary>
    public static TheoryData<string> Situations => new()
    {
        "shown", "actorBlockedByRecipient", "recipientBlockedByActor", "postRemoved", "connectionsPostAfterDisconnect",
        "privateGroupPostNotMember", "unlistedGroupNotMember", "mutedKind", "memberNowOutOfReach", "watchedMemberLeftDirectory",
        "connectionLeftDirectory", "actorChangedHandle",
    };

    public static readonly string[] WatchMatch = ["watchMatch"];
    public static readonly string[] WorkAnniversary = ["workAnniversary"];

    public static async Task<(Member Recipient, long NotificationId, bool Visible)> ArrangeAsync(EntregentFactory app, string situation,
        CancellationToken cancellationToken)
    {
        var recipient = await app.RegisterMemberAsync("Rita " + situation, cancellationToken);
        var actor = await app.RegisterMemberAsync("Arno " + situation, cancellationToken);
        await app.ConnectAsync(recipient, actor, cancellationToken);
        // The connection's own notifications are not what this table is about.
        using (var read = await recipient.Client.PostAsync(new Uri("/api/v1/notifications/read-all", UriKind.Relative), null, cancellationToken)) { }
        long id;
        var visible = false;
        switch (situation)
        {
            case "shown":
            {
                var post = await app.CreatePostInStoreAsync(actor, "Hello @Rita", PostAudience.Connections, cancellationToken: cancellationToken);
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.Mention, actor, $"/posts/{post}", cancellationToken: cancellationToken);
                visible = true;
                break;
            }
            case "actorBlockedByRecipient":
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.Endorsement, actor, "/me", cancellationToken: cancellationToken);
                await recipient.BlockAsync(actor, cancellationToken);
                break;
            case "recipientBlockedByActor":
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.Endorsement, actor, "/me", cancellationToken: cancellationToken);
                await actor.BlockAsync(recipient, cancellationToken);
                break;
            case "postRemoved":
            {
                var post = await app.CreatePostInStoreAsync(actor, "Soon gone", PostAudience.Public, state: PostState.Removed, cancellationToken: cancellationToken);
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.Reply, actor, $"/posts/{post}#comment-1", cancellationToken: cancellationToken);
                break;
            }
            case "connectionsPostAfterDisconnect":
            {
                var post = await app.CreatePostInStoreAsync(actor, "For connections", PostAudience.Connections, cancellationToken: cancellationToken);
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.Reaction, actor, $"/posts/{post}", cancellationToken: cancellationToken);
                using var removed = await actor.Client.DeleteAsync(new Uri($"/api/v1/me/connections/{recipient.Handle}", UriKind.Relative), cancellationToken);
                await MemberActions.EnsureSuccessAsync(removed, "disconnect", cancellationToken);
                break;
            }
            case "privateGroupPostNotMember":
            {
                var slug = await app.CreateGroupInStoreAsync(actor, GroupKind.Private, cancellationToken: cancellationToken);
                var post = await app.CreatePostInStoreAsync(actor, "Members only", groupSlug: slug, cancellationToken: cancellationToken);
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.GroupActivity, actor, $"/posts/{post}", cancellationToken: cancellationToken);
                break;
            }
            case "unlistedGroupNotMember":
            {
                var slug = await app.CreateGroupInStoreAsync(actor, GroupKind.Unlisted, cancellationToken: cancellationToken);
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.GroupActivity, actor, $"/groups/{slug}", cancellationToken: cancellationToken);
                break;
            }
            case "mutedKind":
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.WorkAnniversary, actor, $"/in/{actor.Handle}", cancellationToken: cancellationToken);
                await recipient.SetNotificationSettingsAsync(new { mutedKinds = WorkAnniversary }, cancellationToken);
                break;
            case "memberNowOutOfReach":
            {
                // A link to a profile the recipient may no longer open: its owner has since kept it to colleagues.
                var subject = await app.RegisterMemberAsync("Sue " + situation, cancellationToken);
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.WatchMatch, null, $"/in/{subject.Handle}", "matches 'sales'",
                    cancellationToken: cancellationToken);
                await subject.SetPrivacyAsync(reach: "colleagues", cancellationToken: cancellationToken);
                break;
            }
            case "watchedMemberLeftDirectory":
            {
                var subject = await app.RegisterMemberAsync("Sid " + situation, cancellationToken);
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.WatchMatch, null, $"/in/{subject.Handle}", "matches 'sales'",
                    cancellationToken: cancellationToken);
                await subject.SetPrivacyAsync(optedOutOfDirectory: true, cancellationToken: cancellationToken);
                break;
            }
            case "connectionLeftDirectory":
                // Leaving the directory hides a member from searches, not from their connections' career news.
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.NewPosition, actor, $"/in/{actor.Handle}", "is now Buyer at Acme",
                    cancellationToken: cancellationToken);
                await actor.SetPrivacyAsync(optedOutOfDirectory: true, cancellationToken: cancellationToken);
                visible = true;
                break;
            case "actorChangedHandle":
                // The link names the old handle; the notification is about its actor, who is still there.
                id = await app.NotifyInStoreAsync(recipient, NotificationKind.NewPosition, actor, $"/in/{actor.Handle}", "is now Buyer at Acme",
                    cancellationToken: cancellationToken);
                await actor.EditProfileAsync(new { handle = actor.Handle + "-new" }, cancellationToken);
                visible = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, null);
        }
        await app.WaitForNetworkAsync(cancellationToken);
        return (recipient, id, visible);
    }
}
