using Entregent.Web.Network;

namespace Entregent.Web.Features.Search;

/// <summary>The Lucene.NET index of members, organisations and skills (ADR-004). Singleton; follows the change feed.</summary>
public sealed class SearchIndex(NetworkGraph network)
{
    /// <summary>The last change-feed sequence applied; writers wait for it (ReadYourWrites).</summary>
    public long AppliedSequence { get; private set; }

    /// <summary>
    /// Members the viewer may find matching <paramref name="query"/>, ranked by text relevance combined with network distance
    /// and relationship strength; <paramref name="skip"/>/<paramref name="take"/> page the ranking.
    /// </summary>
    public PeopleMatches SearchPeople(long viewerId, PeopleQuery query, int skip, int take, bool withFacets) =>
        throw new NotImplementedException(network.ToString());
}
