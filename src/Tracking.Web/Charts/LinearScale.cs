namespace Tracking.Web.Charts;

/// <summary>
/// Maps values from 0 to a "nice" maximum (1, 2 or 5 times a power of ten, at least the data's largest) onto a
/// range of pixels, with ticks at whole steps: axes read 0, 5, 10 rather than 0, 3.4, 6.8.
/// </summary>
public sealed class LinearScale
{
    public LinearScale(double dataMax, double rangeFrom, double rangeTo, int wantedTicks = 5)
    {
        RangeFrom = rangeFrom;
        RangeTo = rangeTo;
        Step = NiceStep(Math.Max(dataMax, 0) / Math.Max(wantedTicks, 1));
        Max = Math.Max(Step, Math.Ceiling(Math.Max(dataMax, 0) / Step) * Step);
    }

    public double Max { get; }

    public double Step { get; }

    public double RangeFrom { get; }

    public double RangeTo { get; }

    public double Map(double value) => RangeFrom + (Math.Clamp(value, 0, Max) / Max * (RangeTo - RangeFrom));

    public IReadOnlyList<double> Ticks
    {
        get
        {
            var ticks = new List<double>();
            for (var tick = 0d; tick <= Max + (Step / 2); tick += Step)
            {
                ticks.Add(Math.Round(tick, 6));
            }

            return ticks;
        }
    }

    /// <summary>Whole numbers only (counts): a step below one would label ticks 0.2, 0.4.</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 1)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
