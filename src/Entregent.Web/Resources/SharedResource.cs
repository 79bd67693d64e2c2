namespace Entregent.Web;

/// <summary>
/// Names the UI's one string table, <c>Resources/SharedResource.resx</c> and its translations. Keys are the English
/// text itself, so a string without a translation still reads correctly, and the use cases' English messages
/// double as keys for their French versions.
/// </summary>
public sealed class SharedResource;
