namespace Entregent.Web.Tests.Features.Ldbc;

/// <summary>
/// Where the shared LDBC SNB data is: <c>ENTREGENT_LDBC_DATA</c> when set, else <c>../shared/ldbc</c> beside the
/// repository root (the folder holding Entregent.slnx), as scripts/test.sh finds it.
/// </summary>
internal static class LdbcData
{
    public static string Folder { get; } = Find();

    public static string Tiny => Path.Combine(Folder, "tiny");

    public static string Sf01Partial => Path.Combine(Folder, "sf0.1-partial");

    public static string TinyExpected => Path.Combine(Folder, "tiny-expected", "official-params.csv");

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("ENTREGENT_LDBC_DATA");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Entregent.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "ldbc"));
            }
        }
        throw new DirectoryNotFoundException($"No Entregent.slnx above {AppContext.BaseDirectory}; set ENTREGENT_LDBC_DATA to the ldbc data folder.");
    }
}
