namespace Entregent.Graph.Synthetic;

/// <summary>
/// Builds a <see cref="SyntheticNetwork"/> in phases, each drawing from its own random stream so that a
/// change to one phase does not reshuffle the others.
/// <para>
/// Degrees: every member gets a target degree from a Lomax (shifted Pareto) law with shape 1.8, so degrees
/// have a power-law tail (exponent about 2.8) and a median well below the mean, as in real professional
/// networks. A member "initiates" half its target; the other end of each connection is picked by context:
/// about half among colleagues (same company, neighbours in start date, so overlapping tenures dominate),
/// some among classmates, some in the same city and the rest anywhere, the latter two weighted by target
/// degree (Chung–Lu), which keeps the tail heavy on the receiving side too. Hubs initiate thousands of
/// connections each.
/// </para>
/// <para>
/// Deduplication without an object per edge: edges are packed as (smaller end, larger end, 31-bit payload),
/// counting-sorted by the smaller end, then each small bucket is sorted by (larger end, payload) and the
/// strongest copy of each pair is kept. Losses to duplicates are topped up with extra acquaintances.
/// </para>
/// </summary>
internal sealed class SyntheticNetworkGenerator
{
    private const int MaxMembers = (1 << 24) - 1;
    private const int MaxPositionsPerMember = 5;
    private const int ColleagueWindow = 25;
    private static readonly DateOnly Epoch = new(1990, 1, 1);

    private readonly SyntheticNetworkOptions _options;
    private readonly int _n;
    private readonly int _today;
    private readonly ulong _seed;

    // Cities.
    private int _cityCount;
    private double[] _cityCumulative = [];

    // Organisations: companies [0, _companyCount), schools after.
    private int _companyCount;
    private int _schoolCount;
    private int[] _orgCity = [];
    private int[] _orgIndustry = [];
    private double[] _companyCumulative = [];
    private int[] _companiesByCity = [];
    private int[] _companiesByCityOffsets = [];
    private double[] _companiesByCityCumulative = [];
    private double[] _schoolCumulative = [];
    private int[] _schoolsByCity = [];
    private int[] _schoolsByCityOffsets = [];
    private double[] _schoolsByCityCumulative = [];

    // Members.
    private int[] _memberCity = [];
    private int[] _careerStart = [];

    // Positions, grouped by member (day numbers relative to Epoch; end == -1 while current).
    private int _positionCount;
    private int[] _posMember = [];
    private int[] _posOrg = [];
    private int[] _posStart = [];
    private int[] _posEnd = [];
    private int[] _posOffsets = [];
    private int[] _orgPositions = [];
    private int[] _orgPositionOffsets = [];
    private int[] _posRank = [];

    // Education, grouped by member.
    private int _educationCount;
    private int[] _eduMember = [];
    private int[] _eduSchool = [];
    private int[] _eduStart = [];
    private int[] _eduEnd = [];
    private int[] _eduOffsets = [];
    private int[] _schoolEntries = [];
    private int[] _schoolEntryOffsets = [];
    private int[] _eduRank = [];

    // Degrees.
    private double[] _targetDegree = [];
    private int[] _membersByCity = [];
    private int[] _membersByCityOffsets = [];
    private double[] _memberCumulative = [];
    private int[] _hubs = [];

    // Raw edges: smaller end, larger end, payload (strength << 19 | kind << 16 | day).
    private int[] _edgeA = [];
    private int[] _edgeB = [];
    private int[] _edgePayload = [];
    private int _edgeCount;
    private int[] _initiatedFrom = [];

    public SyntheticNetworkGenerator(SyntheticNetworkOptions options, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Members, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Members, MaxMembers, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(today, new DateOnly(1995, 1, 1), nameof(options));
        if (!(options.AverageDegree >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "AverageDegree must be zero or more.");
        }

        _options = options;
        _n = options.Members;
        _seed = options.Seed;
        _today = today.DayNumber - Epoch.DayNumber;
    }

    public SyntheticNetwork Generate()
    {
        MakeCities();
        MakeOrganisations();
        MakeMembersAndCareers();
        var (skills, skillOffsets) = MakeSkills();
        var (groups, groupMemberships, groupOffsets) = MakeGroups();
        MakeTargetDegrees();
        MakeEdges();
        var connections = Deduplicate();
        return Assemble(skills, skillOffsets, groups, groupMemberships, groupOffsets, connections);
    }

    private void MakeCities()
    {
        _cityCount = _options.Cities ?? Math.Clamp(_n / 2_500, 3, 400);
        ArgumentOutOfRangeException.ThrowIfLessThan(_cityCount, 1, nameof(_options.Cities));
        _cityCumulative = Cumulative(_cityCount, c => 1.0 / (c + 1));
    }

    private void MakeOrganisations()
    {
        var rng = SyntheticRandom.ForStream(_seed, 1);
        _companyCount = _options.Companies ?? Math.Max(3, _n / 40);
        _schoolCount = _options.Schools ?? Math.Max(2, _n / 1_500);
        ArgumentOutOfRangeException.ThrowIfLessThan(_companyCount, 1, nameof(_options.Companies));
        ArgumentOutOfRangeException.ThrowIfLessThan(_schoolCount, 1, nameof(_options.Schools));
        var orgCount = _companyCount + _schoolCount;
        _orgCity = new int[orgCount];
        _orgIndustry = new int[orgCount];
        for (var o = 0; o < orgCount; o++)
        {
            _orgCity[o] = PickCumulative(_cityCumulative, 0, _cityCount, ref rng);
            _orgIndustry[o] = rng.NextInt(SyntheticNetwork.IndustryCount);
        }

        // Size weights: a heavy tail, organisation 0 the largest. Exponent below 1 keeps the largest at a few
        // per cent of the members rather than a tenth.
        var companyWeight = new double[_companyCount];
        for (var c = 0; c < _companyCount; c++)
        {
            companyWeight[c] = Math.Pow(c + 1, -0.8);
        }

        var schoolWeight = new double[_schoolCount];
        for (var s = 0; s < _schoolCount; s++)
        {
            schoolWeight[s] = Math.Pow(s + 1, -0.7);
        }

        _companyCumulative = Cumulative(_companyCount, c => companyWeight[c]);
        _schoolCumulative = Cumulative(_schoolCount, s => schoolWeight[s]);
        (_companiesByCity, _companiesByCityOffsets, _companiesByCityCumulative) =
            GroupByCity(_companyCount, c => _orgCity[c], c => companyWeight[c]);
        (_schoolsByCity, _schoolsByCityOffsets, _schoolsByCityCumulative) =
            GroupByCity(_schoolCount, s => _orgCity[_companyCount + s], s => schoolWeight[s]);
    }

    private (int[] Items, int[] Offsets, double[] Cumulative) GroupByCity(
        int count, Func<int, int> cityOf, Func<int, double> weightOf)
    {
        var offsets = new int[_cityCount + 1];
        for (var i = 0; i < count; i++)
        {
            offsets[cityOf(i) + 1]++;
        }

        for (var c = 0; c < _cityCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var items = new int[count];
        var fill = (int[])offsets.Clone();
        for (var i = 0; i < count; i++)
        {
            items[fill[cityOf(i)]++] = i;
        }

        var cumulative = Cumulative(count, k => weightOf(items[k]));
        return (items, offsets, cumulative);
    }

    private void MakeMembersAndCareers()
    {
        var rng = SyntheticRandom.ForStream(_seed, 2);
        _memberCity = new int[_n];
        _careerStart = new int[_n];
        var capacity = (_n * 3) + 16;
        _posMember = new int[capacity];
        _posOrg = new int[capacity];
        _posStart = new int[capacity];
        _posEnd = new int[capacity];
        _posOffsets = new int[_n + 1];
        _eduMember = new int[(_n * 2) + 2];
        _eduSchool = new int[_eduMember.Length];
        _eduStart = new int[_eduMember.Length];
        _eduEnd = new int[_eduMember.Length];
        _eduOffsets = new int[_n + 1];

        for (var m = 0; m < _n; m++)
        {
            var city = PickCumulative(_cityCumulative, 0, _cityCount, ref rng);
            _memberCity[m] = city;

            // Careers start uniformly from 1990 to three months ago.
            var start = rng.NextInt(0, Math.Max(1, _today - 90));
            _careerStart[m] = start;
            _posOffsets[m] = _positionCount;
            var previous = -1;
            for (var p = 0; p < MaxPositionsPerMember; p++)
            {
                var org = PickOrganisation(city, companies: true, ref rng);
                if (org == previous && _companyCount > 1)
                {
                    org = PickOrganisation(city, companies: true, ref rng);
                }

                var end = start + 120 + (int)rng.NextExponential(p == 0 ? 700 : 1_300);
                var last = p == MaxPositionsPerMember - 1;
                if (end >= _today || (last && rng.Chance(0.85)))
                {
                    AddPosition(m, org, start, -1);
                    break;
                }

                AddPosition(m, org, start, end);
                previous = org;
                start = end + 1 + (int)rng.NextExponential(60);
                if (start >= _today)
                {
                    break;
                }
            }

            // Education ends the year the career starts: none (20 %), one degree (60 %) or two (20 %).
            _eduOffsets[m] = _educationCount;
            var careerYear = Epoch.AddDays(_careerStart[m]).Year;
            var roll = rng.NextDouble();
            if (roll < 0.6)
            {
                AddEducation(m, PickOrganisation(city, companies: false, ref rng), careerYear - rng.NextInt(3, 6), careerYear);
            }
            else if (roll < 0.8)
            {
                AddEducation(m, PickOrganisation(city, companies: false, ref rng), careerYear - 5, careerYear - 2);
                AddEducation(m, PickOrganisation(city, companies: false, ref rng), careerYear - 2, careerYear);
            }
        }

        _posOffsets[_n] = _positionCount;
        _eduOffsets[_n] = _educationCount;
        (_orgPositions, _orgPositionOffsets, _posRank) =
            IndexByOrganisation(_positionCount, _companyCount, p => _posOrg[p], p => _posStart[p]);
        (_schoolEntries, _schoolEntryOffsets, _eduRank) =
            IndexByOrganisation(_educationCount, _schoolCount, e => _eduSchool[e] - _companyCount, e => _eduStart[e]);
    }

    private void AddPosition(int member, int org, int start, int end)
    {
        if (_positionCount == _posMember.Length)
        {
            var size = _posMember.Length * 2;
            Array.Resize(ref _posMember, size);
            Array.Resize(ref _posOrg, size);
            Array.Resize(ref _posStart, size);
            Array.Resize(ref _posEnd, size);
        }

        _posMember[_positionCount] = member;
        _posOrg[_positionCount] = org;
        _posStart[_positionCount] = start;
        _posEnd[_positionCount] = end;
        _positionCount++;
    }

    private void AddEducation(int member, int school, int startYear, int endYear)
    {
        _eduMember[_educationCount] = member;
        _eduSchool[_educationCount] = school;
        _eduStart[_educationCount] = startYear;
        _eduEnd[_educationCount] = endYear;
        _educationCount++;
    }

    /// <summary>Picks a company (or school) for a member: in the member's city more often than not, by size.</summary>
    private int PickOrganisation(int city, bool companies, ref SyntheticRandom rng)
    {
        var local = rng.Chance(companies ? 0.6 : 0.7);
        if (companies)
        {
            if (local && _companiesByCityOffsets[city + 1] > _companiesByCityOffsets[city])
            {
                return _companiesByCity[PickCumulative(
                    _companiesByCityCumulative, _companiesByCityOffsets[city], _companiesByCityOffsets[city + 1], ref rng)];
            }

            return PickCumulative(_companyCumulative, 0, _companyCount, ref rng);
        }

        if (local && _schoolsByCityOffsets[city + 1] > _schoolsByCityOffsets[city])
        {
            return _companyCount + _schoolsByCity[PickCumulative(
                _schoolsByCityCumulative, _schoolsByCityOffsets[city], _schoolsByCityOffsets[city + 1], ref rng)];
        }

        return _companyCount + PickCumulative(_schoolCumulative, 0, _schoolCount, ref rng);
    }

    /// <summary>Entries grouped by organisation and sorted by start within it, with each entry's rank there.</summary>
    private static (int[] Items, int[] Offsets, int[] Rank) IndexByOrganisation(
        int count, int orgCount, Func<int, int> orgOf, Func<int, int> startOf)
    {
        var offsets = new int[orgCount + 1];
        for (var i = 0; i < count; i++)
        {
            offsets[orgOf(i) + 1]++;
        }

        for (var o = 0; o < orgCount; o++)
        {
            offsets[o + 1] += offsets[o];
        }

        var items = new int[count];
        var keys = new long[count];
        var fill = (int[])offsets.Clone();
        for (var i = 0; i < count; i++)
        {
            var slot = fill[orgOf(i)]++;
            items[slot] = i;
            keys[slot] = ((long)startOf(i) << 32) | (uint)i;
        }

        for (var o = 0; o < orgCount; o++)
        {
            var from = offsets[o];
            var length = offsets[o + 1] - from;
            keys.AsSpan(from, length).Sort();
        }

        var rank = new int[count];
        for (var slot = 0; slot < count; slot++)
        {
            var entry = (int)(keys[slot] & 0xFFFF_FFFF);
            items[slot] = entry;
            rank[entry] = slot;
        }

        return (items, offsets, rank);
    }

    private (int[] Skills, int[] Offsets) MakeSkills()
    {
        var rng = SyntheticRandom.ForStream(_seed, 3);
        var offsets = new int[_n + 1];
        var skills = new List<int>(_n * 5);
        Span<int> chosen = stackalloc int[8];
        for (var m = 0; m < _n; m++)
        {
            offsets[m] = skills.Count;
            var lastPosition = _posOffsets[m + 1] - 1;
            var industry = lastPosition >= _posOffsets[m]
                ? _orgIndustry[_posOrg[lastPosition]]
                : rng.NextInt(SyntheticNetwork.IndustryCount);
            var count = rng.NextInt(3, 9);
            var have = 0;
            var guard = 0;
            while (have < count && guard++ < 64)
            {
                var skill = rng.Chance(0.7)
                    ? (industry * SyntheticNetwork.SkillsPerIndustry) + rng.NextInt(SyntheticNetwork.SkillsPerIndustry)
                    : rng.NextInt(SyntheticNetwork.SkillCount);
                if (!chosen[..have].Contains(skill))
                {
                    chosen[have++] = skill;
                }
            }

            chosen[..have].Sort();
            foreach (var skill in chosen[..have])
            {
                skills.Add(skill);
            }
        }

        offsets[_n] = skills.Count;
        return (skills.ToArray(), offsets);
    }

    /// <summary>
    /// Groups are topics of an industry; every third is a local chapter of one city. A member joins 0 to 4 groups
    /// of the industry of their latest position, the popular ones more often (Zipf within the industry), and a
    /// chapter only in their own city.
    /// </summary>
    private (SyntheticGroup[] Groups, int[] Memberships, int[] Offsets) MakeGroups()
    {
        var rng = SyntheticRandom.ForStream(_seed, 7);
        var groupCount = _options.Groups ?? Math.Max(1, _n / 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupCount, 1, nameof(_options.Groups));
        var industryOf = new int[groupCount];
        var cityOf = new int[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            industryOf[g] = g % SyntheticNetwork.IndustryCount;
            cityOf[g] = g % 3 == 2 ? PickCumulative(_cityCumulative, 0, _cityCount, ref rng) : -1;
        }

        // Groups of industry i are i, i + 20, i + 40...: rank r within the industry has weight 1 / (r + 1).
        var perIndustry = new double[SyntheticNetwork.IndustryCount][];
        for (var i = 0; i < perIndustry.Length; i++)
        {
            var count = i < groupCount ? ((groupCount - 1 - i) / SyntheticNetwork.IndustryCount) + 1 : 0;
            perIndustry[i] = Cumulative(count, r => 1.0 / (r + 1));
        }

        var offsets = new int[_n + 1];
        var memberships = new List<int>(_n * 2);
        var sizes = new int[groupCount];
        Span<int> chosen = stackalloc int[4];
        for (var m = 0; m < _n; m++)
        {
            offsets[m] = memberships.Count;
            var lastPosition = _posOffsets[m + 1] - 1;
            var industry = lastPosition >= _posOffsets[m] ? _orgIndustry[_posOrg[lastPosition]] : m % SyntheticNetwork.IndustryCount;
            var cumulative = perIndustry[industry];
            var roll = rng.NextDouble();
            var wanted = roll < 0.3 ? 0 : roll < 0.6 ? 1 : roll < 0.8 ? 2 : roll < 0.92 ? 3 : 4;
            var have = 0;
            for (var attempt = 0; attempt < wanted * 3 && have < wanted && cumulative.Length > 1; attempt++)
            {
                var g = industry + (SyntheticNetwork.IndustryCount * PickCumulative(cumulative, 0, cumulative.Length - 1, ref rng));
                if ((cityOf[g] < 0 || cityOf[g] == _memberCity[m]) && !chosen[..have].Contains(g))
                {
                    chosen[have++] = g;
                }
            }

            chosen[..have].Sort();
            foreach (var g in chosen[..have])
            {
                memberships.Add(g);
                sizes[g]++;
            }
        }

        offsets[_n] = memberships.Count;
        var groups = new SyntheticGroup[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            groups[g] = new SyntheticGroup(g, industryOf[g], cityOf[g] < 0 ? null : cityOf[g], sizes[g]);
        }

        return (groups, memberships.ToArray(), offsets);
    }

    private void MakeTargetDegrees()
    {
        var rng = SyntheticRandom.ForStream(_seed, 4);
        _targetDegree = new double[_n];

        // Lomax(shape a, scale xm): mean xm / (a - 1). Shape 1.8: infinite variance, a power-law tail.
        const double Shape = 1.8;
        var average = Math.Min(_options.AverageDegree, (_n - 1) * 0.5);
        var scale = average * (Shape - 1);
        var cap = Math.Min(_n - 1, 3_000.0);
        for (var m = 0; m < _n; m++)
        {
            _targetDegree[m] = Math.Min(cap, scale * (Math.Pow(rng.NextOpenDouble(), -1 / Shape) - 1));
        }

        var hubCount = _options.Hubs ?? (_n < 1_000 ? 1 : Math.Clamp(_n / 20_000, 3, 50));
        hubCount = Math.Clamp(hubCount, 0, _n);
        var chosen = new HashSet<int>();
        while (chosen.Count < hubCount)
        {
            chosen.Add(rng.NextInt(_n));
        }

        _hubs = [.. chosen.Order()];

        (_membersByCity, _membersByCityOffsets, _memberCumulative) =
            GroupByCity(_n, m => _memberCity[m], m => _targetDegree[m] + 0.5);
    }

    private void MakeEdges()
    {
        var rng = SyntheticRandom.ForStream(_seed, 5);
        var average = Math.Min(_options.AverageDegree, (_n - 1) * 0.5);
        var target = (long)Math.Round(_n * average / 2);
        var hubMin = Math.Max(1, Math.Min(_options.HubMinDegree, _n / 5));
        var hubMax = Math.Max(hubMin, Math.Min(_options.HubMaxDegree, _n / 3));
        var hubDegree = new int[_hubs.Length];
        long hubEdges = 0;
        for (var h = 0; h < _hubs.Length; h++)
        {
            hubDegree[h] = rng.NextInt(hubMin, hubMax + 1);
            hubEdges += hubDegree[h];
        }

        var sum = 0.0;
        foreach (var t in _targetDegree)
        {
            sum += t;
        }

        // Each member initiates its share of the regular edges, proportional to its target degree.
        var perTarget = sum > 0 ? Math.Max(0, target - hubEdges) / sum : 0;
        var capacity = (int)Math.Min(Array.MaxLength, (target * 1.05) + 1_024);
        _edgeA = new int[capacity];
        _edgeB = new int[capacity];
        _edgePayload = new int[capacity];

        _initiatedFrom = new int[_n + 1];
        for (var m = 0; m < _n; m++)
        {
            _initiatedFrom[m] = _edgeCount;
            var share = _targetDegree[m] * perTarget;
            var count = (int)share + (rng.Chance(share - Math.Floor(share)) ? 1 : 0);
            if (count > 0)
            {
                InitiateEdges(m, count, ref rng);
            }
        }

        _initiatedFrom[_n] = _edgeCount;

        for (var h = 0; h < _hubs.Length; h++)
        {
            var hub = _hubs[h];
            for (var k = 0; k < hubDegree[h]; k++)
            {
                var other = rng.Chance(0.3) ? PickMemberInCity(_memberCity[hub], ref rng) : PickMember(ref rng);
                EmitLoose(hub, other, SyntheticConnectionKind.HubFollower, 0.02, 0.18, ref rng);
            }
        }
    }

    private void InitiateEdges(int m, int count, ref SyntheticRandom rng)
    {
        // Capacities stop members of tiny organisations from asking the same few colleagues over and over.
        var colleagueRoom = 0;
        for (var p = _posOffsets[m]; p < _posOffsets[m + 1]; p++)
        {
            colleagueRoom += Math.Min(2 * ColleagueWindow, OrgPositionCount(_posOrg[p]) - 1) / 2;
        }

        var classmateRoom = 0;
        for (var e = _eduOffsets[m]; e < _eduOffsets[m + 1]; e++)
        {
            classmateRoom += Math.Min(2 * ColleagueWindow, SchoolEntryCount(_eduSchool[e]) - 1) / 3;
        }

        var colleagues = Math.Min((int)Math.Round(count * 0.5), colleagueRoom);
        var classmates = Math.Min((int)Math.Round(count * 0.15), classmateRoom);
        var sameCity = (int)Math.Round(count * 0.2);
        var rest = count - colleagues - classmates - sameCity;
        for (var k = 0; k < colleagues; k++)
        {
            if (!TryEmitColleague(m, ref rng))
            {
                rest++;
            }
        }

        for (var k = 0; k < classmates; k++)
        {
            if (!TryEmitClassmate(m, ref rng))
            {
                rest++;
            }
        }

        for (var k = 0; k < sameCity; k++)
        {
            EmitLoose(m, PickMemberInCity(_memberCity[m], ref rng), SyntheticConnectionKind.SameCity, 0.08, 0.35, ref rng);
        }

        var own = _initiatedFrom[m];
        for (var k = 0; k < rest; k++)
        {
            // Half of the remaining ties close a triangle (a friend of someone already met), which gives the
            // graph its clustering beyond organisations; the other half land anywhere.
            var other = rng.Chance(0.5) ? FriendOfFriend(m, own, ref rng) : -1;
            EmitLoose(m, other >= 0 ? other : PickMember(ref rng), SyntheticConnectionKind.Acquaintances, 0.02, 0.3, ref rng);
        }
    }

    /// <summary>A partner of a partner of <paramref name="m"/>, or -1. Only members already processed have
    /// their initiated edges in place, so the walk uses those.</summary>
    private int FriendOfFriend(int m, int own, ref SyntheticRandom rng)
    {
        if (_edgeCount == own)
        {
            return -1;
        }

        var e = own + rng.NextInt(_edgeCount - own);
        var friend = _edgeA[e] == m ? _edgeB[e] : _edgeA[e];
        if (friend >= m || _initiatedFrom[friend + 1] == _initiatedFrom[friend])
        {
            return -1;
        }

        var f = rng.NextInt(_initiatedFrom[friend], _initiatedFrom[friend + 1]);
        var other = _edgeA[f] == friend ? _edgeB[f] : _edgeA[f];
        return other == m ? -1 : other;
    }

    private int OrgPositionCount(int org) => _orgPositionOffsets[org + 1] - _orgPositionOffsets[org];

    private int SchoolEntryCount(int school) =>
        _schoolEntryOffsets[school - _companyCount + 1] - _schoolEntryOffsets[school - _companyCount];

    private bool TryEmitColleague(int m, ref SyntheticRandom rng)
    {
        var first = _posOffsets[m];
        var positions = _posOffsets[m + 1] - first;
        if (positions == 0)
        {
            return false;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            // Longer positions yield more colleagues: pick the position by duration (two draws, keep longer).
            var p = first + rng.NextInt(positions);
            var q = first + rng.NextInt(positions);
            if (Duration(q) > Duration(p))
            {
                p = q;
            }

            var org = _posOrg[p];
            var lo = _orgPositionOffsets[org];
            var hi = _orgPositionOffsets[org + 1];
            var rank = _posRank[p];
            var from = Math.Max(lo, rank - ColleagueWindow);
            var to = Math.Min(hi, rank + ColleagueWindow + 1);
            if (to - from < 2)
            {
                return false;
            }

            var other = _orgPositions[rng.NextInt(from, to)];
            var partner = _posMember[other];
            if (partner == m)
            {
                continue;
            }

            var overlapStart = Math.Max(_posStart[p], _posStart[other]);
            var overlapEnd = Math.Min(EndOf(p), EndOf(other));
            if (overlapEnd > overlapStart)
            {
                // Worked together: most connect early in the overlap; strength grows with time together.
                var u = rng.NextDouble();
                var day = overlapStart + (int)((overlapEnd - overlapStart) * u * u);
                var years = (overlapEnd - overlapStart) / 365.25;
                var strength = 0.45 + (0.45 * Math.Min(1, years / 5)) + (0.1 * (rng.NextDouble() - 0.5));
                Emit(m, partner, strength, SyntheticConnectionKind.Colleagues, day);
                return true;
            }

            if (rng.Chance(0.3))
            {
                var day = rng.NextInt(overlapStart, Math.Max(overlapStart + 1, _today + 1));
                Emit(m, partner, 0.15 + (0.2 * rng.NextDouble()), SyntheticConnectionKind.FormerColleagues, day);
                return true;
            }
        }

        return false;
    }

    private bool TryEmitClassmate(int m, ref SyntheticRandom rng)
    {
        var first = _eduOffsets[m];
        var entries = _eduOffsets[m + 1] - first;
        if (entries == 0)
        {
            return false;
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var e = first + rng.NextInt(entries);
            var school = _eduSchool[e] - _companyCount;
            var lo = _schoolEntryOffsets[school];
            var hi = _schoolEntryOffsets[school + 1];
            var rank = _eduRank[e];
            var from = Math.Max(lo, rank - ColleagueWindow);
            var to = Math.Min(hi, rank + ColleagueWindow + 1);
            if (to - from < 2)
            {
                return false;
            }

            var other = _schoolEntries[rng.NextInt(from, to)];
            var partner = _eduMember[other];
            if (partner == m)
            {
                continue;
            }

            var overlap = Math.Min(_eduEnd[e], _eduEnd[other]) - Math.Max(_eduStart[e], _eduStart[other]);
            var laterEnd = Math.Max(_eduEnd[e], _eduEnd[other]);

            // Classmates connect once both are on the network: from the later graduation, sooner when close.
            var from1990 = Math.Max(0, new DateOnly(Math.Max(laterEnd, 1990), 1, 1).DayNumber - Epoch.DayNumber);
            var day = from1990 + (int)rng.NextExponential(overlap > 0 ? 400 : 1_500);
            var strength = overlap > 0 ? 0.3 + (0.35 * rng.NextDouble()) : 0.1 + (0.2 * rng.NextDouble());
            Emit(m, partner, strength, SyntheticConnectionKind.Classmates, day);
            return true;
        }

        return false;
    }

    private void EmitLoose(int m, int other, SyntheticConnectionKind kind, double min, double max, ref SyntheticRandom rng)
    {
        var from = Math.Max(_careerStart[m], _careerStart[other]);
        var day = rng.NextInt(from, Math.Max(from + 1, _today + 1));
        Emit(m, other, min + ((max - min) * rng.NextDouble()), kind, day);
    }

    private int Duration(int position) => EndOf(position) - _posStart[position];

    private int EndOf(int position) => _posEnd[position] < 0 ? _today : _posEnd[position];

    private void Emit(int a, int b, double strength, SyntheticConnectionKind kind, int day)
    {
        if (a == b)
        {
            return;
        }

        if (_edgeCount == _edgeA.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, (long)_edgeA.Length * 5 / 4 + 1_024);
            if (size == _edgeA.Length)
            {
                throw new InvalidOperationException("Too many connections for one array.");
            }

            Array.Resize(ref _edgeA, size);
            Array.Resize(ref _edgeB, size);
            Array.Resize(ref _edgePayload, size);
        }

        _edgeA[_edgeCount] = Math.Min(a, b);
        _edgeB[_edgeCount] = Math.Max(a, b);
        _edgePayload[_edgeCount] = Payload(strength, kind, day);
        _edgeCount++;
    }

    private int Payload(double strength, SyntheticConnectionKind kind, int day)
    {
        var q = (int)Math.Round(Math.Clamp(strength, 0, 1) * 255);
        var d = Math.Clamp(day, 0, _today);
        return (q << 19) | ((int)kind << 16) | d;
    }

    private int PickMember(ref SyntheticRandom rng) =>
        _membersByCity[PickCumulative(_memberCumulative, 0, _n, ref rng)];

    private int PickMemberInCity(int city, ref SyntheticRandom rng) =>
        _membersByCity[PickCumulative(_memberCumulative, _membersByCityOffsets[city], _membersByCityOffsets[city + 1], ref rng)];

    /// <summary>Sorts, drops self-loops and duplicates (keeping the strongest copy), tops up the losses.</summary>
    private SyntheticConnections Deduplicate()
    {
        var average = Math.Min(_options.AverageDegree, (_n - 1) * 0.5);
        var target = (long)Math.Round(_n * average / 2);
        var rng = SyntheticRandom.ForStream(_seed, 6);
        var unique = SortAndDeduplicate();
        for (var round = 0; round < 4 && target - unique > Math.Max(1, target / 500); round++)
        {
            var extra = (int)((target - unique) * 1.02) + 1;
            for (var k = 0; k < extra; k++)
            {
                var a = PickMember(ref rng);
                EmitLoose(a, PickMember(ref rng), SyntheticConnectionKind.Acquaintances, 0.02, 0.25, ref rng);
            }

            unique = SortAndDeduplicate();
        }

        var strength = new float[unique];
        var createdOn = new DateOnly[unique];
        var kind = new SyntheticConnectionKind[unique];
        for (var i = 0; i < unique; i++)
        {
            var payload = _edgePayload[i];
            strength[i] = (payload >> 19) / 255f;
            kind[i] = (SyntheticConnectionKind)((payload >> 16) & 0x7);
            createdOn[i] = Epoch.AddDays(payload & 0xFFFF);
        }

        var connections = new SyntheticConnections(unique, _edgeA, _edgeB, strength, createdOn, kind);
        _edgePayload = [];
        return connections;
    }

    /// <summary>Leaves the unique edges, sorted, at the front of the raw arrays and returns their count.</summary>
    private int SortAndDeduplicate()
    {
        var offsets = new int[_n + 1];
        for (var i = 0; i < _edgeCount; i++)
        {
            offsets[_edgeA[i] + 1]++;
        }

        for (var m = 0; m < _n; m++)
        {
            offsets[m + 1] += offsets[m];
        }

        var buckets = new long[_edgeCount];
        var fill = (int[])offsets.Clone();
        for (var i = 0; i < _edgeCount; i++)
        {
            buckets[fill[_edgeA[i]]++] = ((long)_edgeB[i] << 32) | (uint)_edgePayload[i];
        }

        var unique = 0;
        for (var m = 0; m < _n; m++)
        {
            var bucket = buckets.AsSpan(offsets[m], offsets[m + 1] - offsets[m]);
            bucket.Sort();
            for (var k = 0; k < bucket.Length; k++)
            {
                var b = (int)(bucket[k] >> 32);
                if (k + 1 < bucket.Length && (int)(bucket[k + 1] >> 32) == b)
                {
                    continue;
                }

                _edgeA[unique] = m;
                _edgeB[unique] = b;
                _edgePayload[unique] = (int)(bucket[k] & 0x7FFF_FFFF);
                unique++;
            }
        }

        _edgeCount = unique;
        return unique;
    }

    private SyntheticNetwork Assemble(
        int[] skills, int[] skillOffsets, SyntheticGroup[] groups, int[] groupMemberships, int[] groupOffsets,
        SyntheticConnections connections)
    {
        var members = new SyntheticMember[_n];
        for (var m = 0; m < _n; m++)
        {
            members[m] = new SyntheticMember(m, _memberCity[m], Epoch.AddDays(_careerStart[m]));
        }

        var positions = new SyntheticPosition[_positionCount];
        for (var p = 0; p < _positionCount; p++)
        {
            positions[p] = new SyntheticPosition(
                _posMember[p], _posOrg[p], Epoch.AddDays(_posStart[p]), _posEnd[p] < 0 ? null : Epoch.AddDays(_posEnd[p]));
        }

        var education = new SyntheticEducation[_educationCount];
        for (var e = 0; e < _educationCount; e++)
        {
            education[e] = new SyntheticEducation(_eduMember[e], _eduSchool[e], _eduStart[e], _eduEnd[e]);
        }

        var orgCount = _companyCount + _schoolCount;
        var size = new int[orgCount];
        var current = new int[orgCount];
        for (var m = 0; m < _n; m++)
        {
            for (var p = _posOffsets[m]; p < _posOffsets[m + 1]; p++)
            {
                if (!HeldEarlier(p, _posOffsets[m]))
                {
                    size[_posOrg[p]]++;
                }

                if (_posEnd[p] < 0)
                {
                    current[_posOrg[p]]++;
                }
            }

            for (var e = _eduOffsets[m]; e < _eduOffsets[m + 1]; e++)
            {
                if (e == _eduOffsets[m] || _eduSchool[e] != _eduSchool[e - 1])
                {
                    size[_eduSchool[e]]++;
                }
            }
        }

        var organisations = new SyntheticOrganisation[orgCount];
        for (var o = 0; o < orgCount; o++)
        {
            var kind = o < _companyCount ? SyntheticOrganisationKind.Company : SyntheticOrganisationKind.School;
            organisations[o] = new SyntheticOrganisation(o, kind, _orgCity[o], _orgIndustry[o], size[o], current[o]);
        }

        return new SyntheticNetwork(
            Epoch.AddDays(_today), _seed, _cityCount, members, organisations, positions, _posOffsets,
            education, _eduOffsets, skills, skillOffsets, groups, groupMemberships, groupOffsets, _hubs, connections);
    }

    private bool HeldEarlier(int position, int firstOfMember)
    {
        for (var p = firstOfMember; p < position; p++)
        {
            if (_posOrg[p] == _posOrg[position])
            {
                return true;
            }
        }

        return false;
    }

    private static double[] Cumulative(int count, Func<int, double> weightOf)
    {
        var cumulative = new double[count + 1];
        for (var i = 0; i < count; i++)
        {
            cumulative[i + 1] = cumulative[i] + weightOf(i);
        }

        return cumulative;
    }

    /// <summary>Index in [from, to) drawn with probability proportional to its weight. O(log(to - from)).</summary>
    private static int PickCumulative(double[] cumulative, int from, int to, ref SyntheticRandom rng)
    {
        var x = cumulative[from] + (rng.NextDouble() * (cumulative[to] - cumulative[from]));
        int lo = from, hi = to - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (cumulative[mid] <= x)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
