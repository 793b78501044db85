"""Bar charts drawn on the server as SVG, with the table of the same figures (`portal/_bars.html`).

Like the maps (`atlas.py`), a chart is geometry computed here and classes in the template: no style
attribute and no script, so it works under the strict Content-Security-Policy, prints, and scales to a
phone. Each chart has a title and a description for screen readers, and the table after it holds every
figure, so nothing is told by the bars alone.
"""

from dataclasses import dataclass, field

WIDTH, HEIGHT = 600, 170
TOP, BOTTOM, LEFT = 18, 22, 4  # room for the value of the highest bar and the year labels


@dataclass
class Bar:
    label: str
    value: object
    text: str  # the value in the reader's format
    x: float
    y: float
    width: float
    height: float
    show_label: bool


@dataclass
class Chart:
    title: str
    description: str
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    baseline: float = HEIGHT - BOTTOM
    maximum_text: str = ""

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def bar_chart(*, title: str, description: str, points: list[tuple[str, object]], format_value=str) -> Chart:
    """One bar per point (label, value), in the order given; every few labels shown so they never overlap."""
    chart = Chart(title=title, description=description)
    if not points:
        return chart
    maximum = max((float(value or 0) for _label, value in points), default=0.0)
    slot = (WIDTH - LEFT) / len(points)
    every = max(1, round(len(points) / 8))
    plot = HEIGHT - TOP - BOTTOM
    for index, (label, value) in enumerate(points):
        height = plot * float(value or 0) / maximum if maximum else 0.0
        chart.bars.append(Bar(label=str(label), value=value, text=format_value(value or 0),
                              x=round(LEFT + index * slot + slot * 0.15, 1), y=round(HEIGHT - BOTTOM - height, 1),
                              width=round(slot * 0.7, 1), height=round(height, 1),
                              show_label=index % every == 0 or index == len(points) - 1))
    chart.maximum_text = format_value(max((value or 0) for _label, value in points))
    return chart
