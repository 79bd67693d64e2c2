using Entregent.Web.Network;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Integration.Messaging;

/// <summary>Messages both ways strengthen a connection when strengths are next computed (the daily refresh); one-way traffic does not.</summary>
public class MessagingStrengthTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Refresh_AfterTwoWayMessages_StrongerConnection_OneWayUnchanged()
    {
        var ann = await RegisterMemberAsync("Ann Writer");
        var bob = await RegisterMemberAsync("Bob Answerer");
        var cat = await RegisterMemberAsync("Cat Silent");
        await ConnectAsync(ann, bob);
        await ConnectAsync(ann, cat);
        await WaitForNetworkAsync();
        var before = (await StrengthAsync(ann, bob), await StrengthAsync(ann, cat));

        var withBob = await ann.WriteToAsync([bob], "Hi Bob", cancellationToken: Cancellation);
        await bob.ReplyAsync(withBob, "Hi Ann", Cancellation);
        var withCat = await ann.WriteToAsync([cat], "Hi Cat", cancellationToken: Cancellation);
        await ann.ReplyAsync(withCat, "Cat?", Cancellation);
        await App.InStoreAsync(db => RelationshipStrengthRefresher.RefreshAsync(db, App.Services.GetRequiredService<NetworkGraph>(), Cancellation));

        Assert.Equal(before.Item1!.Value + (float)RelationshipStrength.MessageWeight, (await StrengthAsync(ann, bob))!.Value, 0.005f);
        Assert.Equal(before.Item2!.Value, (await StrengthAsync(ann, cat))!.Value, 0.0001f);
    }
}
