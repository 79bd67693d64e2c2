using Entregent.Graph.Synthetic;
using Entregent.Web.Data;
using Entregent.Web.Features.Accounts;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Notifications;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure.Markdown;

namespace Entregent.Web.Features.Demo;

/// <summary>
/// The community side of the demo network: a few groups of each kind, a few weeks of posts (public, for connections,
/// in groups) with hashtags, comments and reactions, so a newcomer's home feed, groups and notifications are alive at
/// the first sign-in. Deterministic (one seeded random source); written through the change tracker like any small seed.
/// Commenters and reactors are members who may read the post: the author's connections, or the group's members.
/// </summary>
internal static class SeedDemoCommunity
{
    /// <summary>Posts written: two for every three members, at most this many.</summary>
    private const int MaxPosts = 400;

    private static readonly (string Name, string Slug, string Description, GroupKind Kind, GroupJoinPolicy Policy)[] Groups =
    [
        ("Lyon Tech & Data", "lyon-tech-data", "Meetups, talks and jobs around data and software in Lyon. Say hello and tell us what you build.",
            GroupKind.Public, GroupJoinPolicy.Open),
        ("Sales Leaders Circle", "sales-leaders-circle", "Heads of sales and account managers swapping leads, playbooks and introductions.",
            GroupKind.Public, GroupJoinPolicy.Approval),
        ("Product & Design Guild", "product-design-guild", "Product managers and designers: critiques, research notes and tools.",
            GroupKind.Public, GroupJoinPolicy.Open),
        ("Founders' Board", "founders-board", "A private room for founders: fundraising, hiring and the hard weeks.",
            GroupKind.Private, GroupJoinPolicy.Approval),
        ("Alumni Mentoring", "alumni-mentoring", "Alumni who mentor students and young graduates. By invitation.",
            GroupKind.Unlisted, GroupJoinPolicy.Approval),
    ];

    private static readonly string[] Bodies =
    [
        "We're #hiring two backend engineers in {city}: .NET, PostgreSQL, a team that ships every week. Introductions welcome!",
        "Great evening at the {city} data meetup yesterday. The talk on graph search was the best I've seen this year. #data #meetup",
        "After six years I'm moving on to a new role next month. Thank you to everyone who made the last chapter so good. #career",
        "Does anyone know a good accountant for a small **consulting** business in {city}? Happy to return the favour. #referral",
        "Three lessons from our last product launch:\n\n1. Talk to customers before the roadmap.\n2. Ship smaller.\n3. Write the release notes first. #product",
        "Nous recrutons un·e chef·fe de projet à {city}. Écrivez-moi si quelqu'un de votre réseau cherche ! #recrutement",
        "Our team just published its yearly report on #sustainability in logistics. Happy to share it with anyone interested.",
        "Looking for a warm introduction to someone in procurement at a large retailer. Any ideas? #sales #introductions",
        "Reading list for the weekend: a long piece on remote work, and a short one on pricing. What are you reading? #books",
        "Proud of the team: we passed our security audit with no major finding. #security #engineering",
        "Beau retour d'expérience sur l'#ia générative en entreprise ce matin à {city}. Beaucoup de questions sur la qualité des données.",
        "Mentoring tip: ask your mentee what they want to be true in a year, then work backwards. #mentoring",
    ];

    private static readonly string[] Comments =
    [
        "Congratulations, well deserved!",
        "Thanks for sharing, very useful.",
        "I know someone who could help: sending you a message.",
        "Bravo, et bonne continuation !",
        "Interesting, I'd love to hear more about this.",
        "Agreed, especially the second point.",
        "Happy to introduce you, let's talk this week.",
    ];

    public static async Task AddAsync(EntregentDb db, SyntheticNetwork network, Member[] accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var random = new Random(2026);
        using var markdown = new MarkdownRenderer();
        var count = accounts.Length;
        var connections = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            connections[i] = [];
        }
        for (var i = 0; i < network.Connections.Count; i++)
        {
            var c = network.Connections[i];
            connections[c.First].Add(c.Second);
            connections[c.Second].Add(c.First);
        }

        // Groups: member i belongs to group i mod 5, and every third member to a second one. demo1 owns the first and
        // belongs to three; each group's owner and manager are its first two members.
        var groups = Groups.Select((g, k) => new Group
        {
            Name = g.Name, Slug = g.Slug, Description = g.Description, Kind = g.Kind, JoinPolicy = g.Policy,
            Rules = "Be kind, stay on topic, no unsolicited selling.",
            CreatedById = accounts[k == 0 ? 0 : (k * 7) % count].Id, CreatedAt = now.AddDays(-60 + k), UpdatedAt = now.AddDays(-60 + k),
        }).ToList();
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);
        var members = groups.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < count; i++)
        {
            members[i % groups.Count].Add(i);
            if (i % 3 == 0)
            {
                members[(i / 3 + 1) % groups.Count].Add(i);
            }
        }
        members[2].Add(0);
        for (var k = 0; k < groups.Count; k++)
        {
            var owner = k == 0 ? 0 : (k * 7) % count;
            var ordered = members[k].Append(owner).Distinct().OrderBy(i => i == owner ? 0 : 1).ToList();
            members[k] = ordered;
            for (var position = 0; position < ordered.Count; position++)
            {
                db.GroupMemberships.Add(new GroupMembership
                {
                    GroupId = groups[k].Id, MemberId = accounts[ordered[position]].Id,
                    Role = position == 0 ? GroupRole.Owner : position == 1 ? GroupRole.Manager : GroupRole.Member,
                    State = GroupMembershipState.Member, CreatedAt = groups[k].CreatedAt, JoinedAt = groups[k].CreatedAt,
                });
            }
            groups[k].MemberCount = ordered.Count;
        }
        db.HashtagFollows.Add(new HashtagFollow { MemberId = accounts[0].Id, Tag = "hiring", CreatedAt = now.AddDays(-30) });
        await db.SaveChangesAsync(cancellationToken);

        var groupsOf = new Dictionary<int, List<int>>();
        for (var k = 0; k < groups.Count; k++)
        {
            foreach (var i in members[k])
            {
                if (!groupsOf.TryGetValue(i, out var list))
                {
                    groupsOf[i] = list = [];
                }
                list.Add(k);
            }
        }
        var cities = DemoNames.Cities;
        var posts = new List<(Post Post, int Author, List<int> Readers)>();
        var total = Math.Min(MaxPosts, count * 2 / 3);
        for (var n = 0; n < total; n++)
        {
            // Now and then one of demo1's own, so their posts gather comments and reactions (and notifications).
            var author = n % 25 == 0 ? 0 : random.Next(count);
            var roll = random.NextDouble();
            int? group = roll < 0.2 && groupsOf.TryGetValue(author, out var mine) ? mine[random.Next(mine.Count)] : null;
            var audience = group is not null ? PostAudience.Group : roll < 0.45 ? PostAudience.Connections : PostAudience.Public;
            var body = Bodies[random.Next(Bodies.Length)].Replace("{city}", cities[random.Next(cities.Length)].City, StringComparison.Ordinal);
            var post = new Post
            {
                AuthorId = accounts[author].Id, Kind = PostKind.Post, Audience = audience, GroupId = group is { } g ? groups[g].Id : null,
                State = PostState.Published, Body = body, BodyHtml = markdown.ToPostHtml(body, new HashSet<string>(StringComparer.Ordinal)),
                CreatedAt = now.AddMinutes(-random.Next(1, 21 * 24 * 60)),
            };
            var readers = (group is { } gg ? members[gg] : connections[author]).Where(i => i != author).ToList();
            posts.Add((post, author, readers));
            db.Posts.Add(post);
        }
        await db.SaveChangesAsync(cancellationToken);

        var kinds = Enum.GetValues<ReactionKind>();
        foreach (var (post, author, readers) in posts)
        {
            foreach (var tag in markdown.FindTokens(post.Body).Hashtags)
            {
                db.PostHashtags.Add(new PostHashtag { PostId = post.Id, Tag = tag });
            }
            if (readers.Count == 0)
            {
                continue;
            }
            var commenters = random.NextDouble() < (author == 0 ? 1.0 : 0.35) ? Pick(random, readers, random.Next(1, 4)) : [];
            foreach (var commenter in commenters)
            {
                var text = Comments[random.Next(Comments.Length)];
                var at = post.CreatedAt.AddMinutes(random.Next(5, 600));
                db.Comments.Add(new Comment
                {
                    PostId = post.Id, AuthorId = accounts[commenter].Id, Body = text,
                    BodyHtml = markdown.ToPostHtml(text, new HashSet<string>(StringComparer.Ordinal)), CreatedAt = at,
                });
                if (author == 0)
                {
                    await Notify.AddAsync(db, time, accounts[0].Id, NotificationKind.Reply, accounts[commenter].Id, $"commented on your post: {text}",
                        $"/posts/{post.Id}", null, cancellationToken);
                }
            }
            var reactors = Pick(random, readers, random.Next(0, 7));
            foreach (var reactor in reactors)
            {
                db.Reactions.Add(new Reaction
                {
                    PostId = post.Id, MemberId = accounts[reactor].Id, Kind = kinds[random.Next(kinds.Length)],
                    CreatedAt = post.CreatedAt.AddMinutes(random.Next(1, 300)),
                });
            }
            post.CommentCount = commenters.Count;
            post.ReactionCount = reactors.Count;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<int> Pick(Random random, List<int> from, int count) =>
        from.OrderBy(_ => random.Next()).Take(Math.Min(count, from.Count)).ToList();
}
