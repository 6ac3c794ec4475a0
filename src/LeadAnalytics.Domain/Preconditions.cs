using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace LeadAnalytics;

/// <summary>Argument checks shared by every package (after NodaTime's Preconditions and Polly's Guard): this file is linked
/// into each assembly (src/Directory.Build.props), so every public entry point checks its arguments the same way, naming
/// the argument by <see cref="CallerArgumentExpressionAttribute"/> when the caller does not.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? argument, [CallerArgumentExpression(nameof(argument))] string paramName = "") where T : class =>
        argument ?? throw new ArgumentNullException(paramName);

    /// <summary>Checks one item of a collection argument: the exception names the collection (<paramref name="paramName"/>)
    /// and says which kind of item was null.</summary>
    internal static T CheckItemNotNull<T>(T? item, string paramName, string message) where T : class =>
        item ?? throw new ArgumentNullException(paramName, message);

    /// <summary>Checks every item of a collection argument (see <see cref="CheckItemNotNull"/>).</summary>
    internal static void CheckNoNullItem<T>(IEnumerable<T?> items, string paramName, string message) where T : class
    {
        foreach (var item in items)
        {
            CheckItemNotNull(item, paramName, message);
        }
    }

    internal static void CheckRange(bool condition, object? actualValue, string message, [CallerArgumentExpression(nameof(actualValue))] string paramName = "")
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, message);
        }
    }

    internal static string CheckNotBlank(string? argument, [CallerArgumentExpression(nameof(argument))] string paramName = "")
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (argument.Trim().Length == 0)
        {
            throw new ArgumentException($"{paramName} must not be empty or white space.", paramName);
        }

        return argument;
    }

    internal static void CheckArgument(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static decimal CheckNonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be negative (was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        return value;
    }

    [Conditional("DEBUG")]
    internal static void DebugCheck(bool condition, [CallerArgumentExpression(nameof(condition))] string? expression = null) =>
        Debug.Assert(condition, expression);
}
