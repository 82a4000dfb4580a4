using System.Xml.Linq;
using Tracking.Planning.Features.ViewHistory;
using Tracking.Web.Charts;

namespace Tracking.UnitTests.Planning;

public sealed class When_a_chart_is_drawn
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Chart Bars(params double[] values) => new("c", "Overdue by provider", "Most first.", ChartKind.Bar, "Provider",
        values.Select((_, i) => $"Provider {i + 1}").ToList(), [new ChartSeries("Overdue", ChartColours.Red, values)]);

    private static Chart Lines(params double[] open) => new("b", "Burn-down", "Open over time.", ChartKind.Line, "End of",
        open.Select((_, i) => $"Day {i + 1}").ToList(), [new ChartSeries("Open", ChartColours.Red, open)]);

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(8, 8, 2)]
    [InlineData(23, 25, 5)]
    [InlineData(1234, 1500, 500)]
    public void The_scale_rounds_its_top_up_to_a_whole_step(double largest, double top, double step)
    {
        var scale = new LinearScale(largest, 0, 100);

        scale.Max.ShouldBe(top);
        scale.Step.ShouldBe(step);
        scale.Ticks[0].ShouldBe(0);
        scale.Ticks[^1].ShouldBe(top);
    }

    [Fact]
    public void The_scale_maps_zero_and_its_top_to_the_ends_of_the_range_even_when_the_range_runs_upwards()
    {
        var scale = new LinearScale(10, 256, 16);

        scale.Map(0).ShouldBe(256);
        scale.Map(10).ShouldBe(16);
        scale.Map(5).ShouldBe(136);
        scale.Map(-3).ShouldBe(256, "values below zero are drawn at zero");
    }

    [Fact]
    public void The_longest_bar_reaches_the_top_of_the_scale_and_the_others_are_in_proportion()
    {
        var bars = ChartSvg.Bars(Bars(10, 5, 0), out var scale);

        bars.Count.ShouldBe(3);
        (bars[0].X + bars[0].Width).ShouldBe(scale.Map(10));
        bars[1].Width.ShouldBe(bars[0].Width / 2, 0.01);
        bars[2].Width.ShouldBe(0);
        bars[1].Y.ShouldBeGreaterThan(bars[0].Y + bars[0].Height, "bars do not overlap");
    }

    [Fact]
    public void An_empty_chart_says_there_are_no_figures_and_keeps_its_title_and_description()
    {
        var svg = ChartSvg.Draw(Bars());

        svg.Attribute("role")!.Value.ShouldBe("img");
        svg.Element(Svg + "title")!.Value.ShouldBe("Overdue by provider");
        svg.Element(Svg + "desc")!.Value.ShouldBe("Most first.");
        svg.Attribute("aria-labelledby")!.Value.ShouldBe("c-title c-desc");
        svg.Descendants(Svg + "text").Single().Value.ShouldBe("No figures yet");
        svg.Descendants(Svg + "rect").ShouldBeEmpty();
    }

    [Fact]
    public void One_point_is_drawn_as_a_dot_in_the_middle()
    {
        var chart = Lines(4);
        var points = ChartSvg.Points(chart, chart.Series[0], ChartSvg.ValueScale(chart));

        points.Count.ShouldBe(1);
        points[0].X.ShouldBe((56 + ChartSvg.Width - 24) / 2, 0.01);
        ChartSvg.Draw(chart).Descendants(Svg + "circle").Count().ShouldBe(1);
    }

    [Fact]
    public void A_line_runs_from_the_left_edge_to_the_right_edge_with_higher_values_higher_up()
    {
        var chart = Lines(8, 6, 2);
        var points = ChartSvg.Points(chart, chart.Series[0], ChartSvg.ValueScale(chart));

        points[0].X.ShouldBeLessThan(points[1].X);
        points[2].X.ShouldBe(ChartSvg.Width - 24, 0.01);
        points[0].Y.ShouldBeLessThan(points[2].Y, "SVG's y grows downwards");
    }

    [Fact]
    public void The_svg_has_no_style_attribute_the_content_security_policy_would_block()
    {
        var svg = ChartSvg.Draw(Lines(1, 2, 3));

        svg.DescendantsAndSelf().Where(e => e.Attribute("style") is not null).ShouldBeEmpty();
        svg.Descendants(Svg + "style").ShouldBeEmpty();
    }

    [Fact]
    public void Labels_are_escaped_as_text()
    {
        var chart = Bars(1) with { Categories = ["<script>alert(1)</script> & Co"] };

        var markup = ChartSvg.Render(chart);

        markup.ShouldNotContain("<script>");
        markup.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    }

    [Fact]
    public void History_periods_end_on_each_months_last_day_and_today()
    {
        var ends = HistoryQuery.PeriodEnds(new DateOnly(2020, 2, 11), new DateOnly(2020, 4, 15), HistoryInterval.Month).ToList();

        ends.ShouldBe([new DateOnly(2020, 2, 29), new DateOnly(2020, 3, 31), new DateOnly(2020, 4, 15)]);
        HistoryQuery.PeriodEnds(new DateOnly(2020, 2, 11), new DateOnly(2020, 2, 11), HistoryInterval.Week).ShouldBe([new DateOnly(2020, 2, 11)]);
        HistoryQuery.PeriodEnds(new DateOnly(2020, 2, 11), new DateOnly(2020, 2, 20), HistoryInterval.Week)
            .ShouldBe([new DateOnly(2020, 2, 16), new DateOnly(2020, 2, 20)]);
    }
}
