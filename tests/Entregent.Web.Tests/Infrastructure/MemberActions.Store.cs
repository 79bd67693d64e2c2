using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entregent.Web.Tests.Infrastructure;

/// <summary>What the store holds behind the API, and the few things a member cannot yet do through it.</summary>
public static partial class MemberActions
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EntregentFactory, Lazy<Task<Member>>> Administrators = [];

    /// <summary>Runs <paramref name="query"/> on a fresh <see cref="EntregentDb"/> of the app (its own scope).</summary>
    public static async Task<T> InStoreAsync<T>(this EntregentFactory app, Func<EntregentDb, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntregentDb>();
        return await query(db);
    }

    /// <summary>The member's account id, looked up by e-mail (the handle may have changed).</summary>
    public static Task<long> MemberIdAsync(this EntregentFactory app, Member member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var normalized = member.Email.ToUpperInvariant();
        return app.InStoreAsync(db => db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync(cancellationToken));
    }

    /// <summary>
    /// The instance administrator: the first account of this app's store, registered on the first call. Call it
    /// before registering anyone else in a test class that needs it.
    /// </summary>
    public static async Task<Member> AdministratorAsync(this EntregentFactory app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var administrator = await Administrators.GetValue(app, a => new Lazy<Task<Member>>(() => a.RegisterMemberAsync("Ada Admin", cancellationToken))).Value;
        using var me = await administrator.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), cancellationToken);
        var body = await me.ReadJsonAsync(cancellationToken);
        if (!body.GetProperty("isAdministrator").GetBoolean())
        {
            throw new InvalidOperationException("Another member registered before the administrator: call AdministratorAsync first in this class.");
        }

        return administrator;
    }

    /// <summary>The response body as JSON, after checking it succeeded.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        await EnsureSuccessAsync(response, "read the response", cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
