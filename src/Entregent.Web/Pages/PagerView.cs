using System.Globalization;

namespace Entregent.Web.Pages;

/// <summary>What <c>_Pager.cshtml</c> shows: previous/next links around "Page 2 of 5", nothing for a single page.</summary>
public sealed record PagerView(int Page, int PageSize, int Total, Func<int, string> Link, string Label)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
