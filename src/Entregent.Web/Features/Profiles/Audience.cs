namespace Entregent.Web.Features.Profiles;

/// <summary>Who may see a piece of a profile. Ordered from widest to narrowest.</summary>
public enum Audience
{
    /// <summary>Anyone, signed in or not.</summary>
    Public = 0,

    /// <summary>Any signed-in member of this instance.</summary>
    Members = 1,

    /// <summary>The owner's 1st-degree connections.</summary>
    Connections = 2,

    /// <summary>The owner alone.</summary>
    OnlyMe = 3,
}

/// <summary>How the viewer stands towards the profile's owner; decides which audiences they belong to.</summary>
public enum ViewerRelation
{
    Anonymous = 0,
    Member = 1,
    Connection = 2,
    Self = 3,
}

public static class AudienceRules
{
    /// <summary>Whether a viewer with <paramref name="relation"/> may see something shown to <paramref name="audience"/>.</summary>
    public static bool Allows(this Audience audience, ViewerRelation relation) => audience switch
    {
        Audience.Public => true,
        Audience.Members => relation >= ViewerRelation.Member,
        Audience.Connections => relation >= ViewerRelation.Connection,
        Audience.OnlyMe => relation == ViewerRelation.Self,
        _ => false,
    };
}
