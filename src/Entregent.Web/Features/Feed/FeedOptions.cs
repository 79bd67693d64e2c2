using System.ComponentModel.DataAnnotations;

namespace Entregent.Web.Features.Feed;

/// <summary>The <c>Feed</c> configuration section: how far back the in-memory feed index reaches and how hard one page may work.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>
    /// Most recent posts kept per source (an author, a group, an organisation, a hashtag). Default 500. The feed reaches
    /// back this far in each source and no further. Memory is at most about 100 bytes per kept post (see
    /// <see cref="FeedIndex"/>), and a post kept by several sources is stored once.
    /// </summary>
    [Range(10, 100_000)]
    public int PostsPerSource { get; set; } = 500;

    /// <summary>
    /// Most candidates one page looks at before it stops and hands back a cursor (posts the viewer may not read are
    /// skipped and count too). Default 5,000: bounds the time a page can take whatever the mix of sources.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxScanPerPage { get; set; } = 5_000;
}
