using Entregent.Web.Features.Profiles;

namespace Entregent.Web.Tests.Features.Profiles;

public class AudienceRulesTests
{
    [Theory]
    [InlineData(Audience.Public, ViewerRelation.Anonymous, true)]
    [InlineData(Audience.Public, ViewerRelation.Member, true)]
    [InlineData(Audience.Public, ViewerRelation.Connection, true)]
    [InlineData(Audience.Public, ViewerRelation.Self, true)]
    [InlineData(Audience.Members, ViewerRelation.Anonymous, false)]
    [InlineData(Audience.Members, ViewerRelation.Member, true)]
    [InlineData(Audience.Members, ViewerRelation.Connection, true)]
    [InlineData(Audience.Members, ViewerRelation.Self, true)]
    [InlineData(Audience.Connections, ViewerRelation.Anonymous, false)]
    [InlineData(Audience.Connections, ViewerRelation.Member, false)]
    [InlineData(Audience.Connections, ViewerRelation.Connection, true)]
    [InlineData(Audience.Connections, ViewerRelation.Self, true)]
    [InlineData(Audience.OnlyMe, ViewerRelation.Anonymous, false)]
    [InlineData(Audience.OnlyMe, ViewerRelation.Member, false)]
    [InlineData(Audience.OnlyMe, ViewerRelation.Connection, false)]
    [InlineData(Audience.OnlyMe, ViewerRelation.Self, true)]
    [InlineData((Audience)42, ViewerRelation.Self, false)]
    public void Allows_AudienceAndViewer_Expected(Audience audience, ViewerRelation relation, bool expected) =>
        Assert.Equal(expected, audience.Allows(relation));
}
