namespace Entregent.Graph.Tests.Oracle;

/// <summary>
/// The reference model: plain dictionaries and sets, changed by the same <see cref="GraphChange"/>s, answering every
/// query by brute force (breadth-first search and path enumeration). Slow and obviously right, on purpose.
/// </summary>
internal sealed class NaiveGraph
{
    private readonly Dictionary<(int, int), (float Strength, DateTimeOffset Created)> _edges = [];
    private readonly Dictionary<int, SortedSet<int>> _adjacency = [];
    private readonly List<(int Member, int Organisation, DateOnly Start, DateOnly? End)> _memberships = [];
    private readonly HashSet<(int Member, int Group)> _groups = [];
    private readonly HashSet<(int, int)> _blocks = [];
    private readonly HashSet<int> _hidden = [];
    private readonly HashSet<int> _hiddenLists = [];

    public int MemberCount { get; private set; }

    public int OrganisationCount { get; private set; }

    public int GroupCount { get; private set; }

    public int ConnectionCount => _edges.Count;

    public static float Quantise(float strength) => MathF.Round(Math.Clamp(strength, 0f, 1f) * 255f) / 255f;

    public static DateTimeOffset Day(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    public void Apply(GraphChange change)
    {
        var (a, b) = (change.Member, change.Other);
        MemberCount = Math.Max(MemberCount, a + 1);
        switch (change.Kind)
        {
            case GraphChangeKind.AddMember:
                break;
            case GraphChangeKind.Connect:
                MemberCount = Math.Max(MemberCount, b + 1);
                _edges[Key(a, b)] = (Quantise(change.Strength), Day(change.Time));
                Neighbours(a).Add(b);
                Neighbours(b).Add(a);
                break;
            case GraphChangeKind.Disconnect:
                MemberCount = Math.Max(MemberCount, b + 1);
                _edges.Remove(Key(a, b));
                Neighbours(a).Remove(b);
                Neighbours(b).Remove(a);
                break;
            case GraphChangeKind.SetStrength:
                MemberCount = Math.Max(MemberCount, b + 1);
                if (_edges.TryGetValue(Key(a, b), out var edge))
                {
                    _edges[Key(a, b)] = (Quantise(change.Strength), edge.Created);
                }

                break;
            case GraphChangeKind.AddMembership:
                OrganisationCount = Math.Max(OrganisationCount, b + 1);
                _memberships.RemoveAll(m => m.Member == a && m.Organisation == b && m.Start == change.Start!.Value);
                _memberships.Add((a, b, change.Start!.Value, change.End));
                break;
            case GraphChangeKind.RemoveMembership:
                _memberships.RemoveAll(m => m.Member == a && m.Organisation == b && (change.Start is null || m.Start == change.Start.Value));
                break;
            case GraphChangeKind.JoinGroup:
                GroupCount = Math.Max(GroupCount, b + 1);
                _groups.Add((a, b));
                break;
            case GraphChangeKind.LeaveGroup:
                _groups.Remove((a, b));
                break;
            case GraphChangeKind.Block:
                MemberCount = Math.Max(MemberCount, b + 1);
                _blocks.Add(Key(a, b));
                break;
            case GraphChangeKind.Unblock:
                MemberCount = Math.Max(MemberCount, b + 1);
                _blocks.Remove(Key(a, b));
                break;
            case GraphChangeKind.Hide:
                _hidden.Add(a);
                break;
            case GraphChangeKind.Unhide:
                _hidden.Remove(a);
                break;
            case GraphChangeKind.HideConnectionList:
                _hiddenLists.Add(a);
                break;
            case GraphChangeKind.ShowConnectionList:
                _hiddenLists.Remove(a);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change));
        }
    }

    public SortedSet<int> Neighbours(int member)
    {
        if (!_adjacency.TryGetValue(member, out var set))
        {
            set = [];
            _adjacency[member] = set;
        }

        return set;
    }

    public bool Connected(int a, int b) => _edges.ContainsKey(Key(a, b));

    public float Strength(int a, int b) => _edges[Key(a, b)].Strength;

    public DateTimeOffset Created(int a, int b) => _edges[Key(a, b)].Created;

    public bool Hidden(int member) => _hidden.Contains(member);

    public bool HidesConnectionList(int member) => _hiddenLists.Contains(member);

    public bool Blocked(int a, int b) => _blocks.Contains(Key(a, b));

    public IEnumerable<(int Organisation, DateOnly Start, DateOnly? End)> Memberships(int member) =>
        _memberships.Where(m => m.Member == member).Select(m => (m.Organisation, m.Start, m.End)).OrderBy(m => m.Organisation).ThenBy(m => m.Start);

    public IEnumerable<int> OrganisationMembers(int organisation) =>
        _memberships.Where(m => m.Organisation == organisation).Select(m => m.Member).Distinct().Order();

    public IEnumerable<int> Groups(int member) => _groups.Where(g => g.Member == member).Select(g => g.Group).Order();

    public IEnumerable<int> GroupMembers(int group) => _groups.Where(g => g.Group == group).Select(g => g.Member).Order();

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
}
