using System.CommandLine;

namespace Warehouse.Cli;

/// <summary>Option checks that turn a bad value into a one-line usage error (exit code 2) before any work starts.</summary>
public static class Validate
{
    /// <summary>The option's value must lie within [min, max].</summary>
    public static void Range(Option<int> option, int min, int max) => option.Validators.Add(r =>
    {
        if (!TryValue<int>(r, out var value)) return; // not a number at all: the parser reports that itself
        if (value < min || value > max) r.AddError($"{option.Name} must be between {min} and {max}, not {value}");
    });

    /// <summary>The option's value, when given, must lie within [min, max].</summary>
    public static void Range(Option<int?> option, int min, int max) => option.Validators.Add(r =>
    {
        if (!TryValue<int?>(r, out var value)) return;
        if (value != null && (value < min || value > max)) r.AddError($"{option.Name} must be between {min} and {max}, not {value}");
    });

    private static bool TryValue<T>(System.CommandLine.Parsing.OptionResult r, out T? value)
    {
        try
        {
            value = r.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
    }
}
