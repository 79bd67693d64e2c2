using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Entregent.Web.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as Unix milliseconds (UTC) where the database has no timestamp type.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
