using Entregent.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Entregent.Web.Network;

/// <summary>
/// After any request that changed the store, waits (5 s at most) until the graph and the search index have applied
/// that request's own changes, before the answer goes out. The next page a member opens — the redirect after a form,
/// the list after an API call — then reflects what they just did: a new position shows in their suggestions and in
/// search, a block at once. Requests that wrote nothing cost one comparison.
/// </summary>
public sealed class ReadYourWrites(NetworkGraph network, Features.Search.SearchIndex search, Features.Feed.FeedIndex feed) : IEndpointFilter, IAsyncPageFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        await WaitAsync(context.HttpContext);
        return result;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        await WaitAsync(context.HttpContext);
    }

    private async Task WaitAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }
        // The request's own (pooled, scoped) context: it knows the last sequence it committed.
        var written = http.RequestServices.GetService<EntregentDb>()?.LastCommittedSequence ?? 0;
        if (written > network.AppliedSequence)
        {
            await network.WaitForAsync(written, http.RequestAborted);
        }
        if (written > search.AppliedSequence)
        {
            await search.WaitForAsync(written, http.RequestAborted);
        }
        if (written > feed.AppliedSequence)
        {
            await feed.WaitForAsync(written, http.RequestAborted);
        }
    }
}
