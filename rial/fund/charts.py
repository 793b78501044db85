"""Bar charts drawn as inline SVG by a template: the geometry is computed here, no JavaScript, no CDN."""

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 640, 260
TOP, BOTTOM, LEFT = 30, 40, 10  # room for the value above a bar and the label below it
GAP = 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    x: int
    y: int
    width: int
    height: int

    @property
    def centre(self) -> int:
        return self.x + self.width // 2


def bar_chart(rows: list[tuple[str, Decimal]]) -> dict:
    """Geometry of one bar per (label, value), scaled to the largest value."""
    if not rows:
        return {"bars": [], "width": WIDTH, "height": HEIGHT}
    largest = max(value for _label, value in rows) or Decimal(1)
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT * 2) // len(rows)
    width = max(slot - GAP, 4)
    bars = []
    for index, (label, value) in enumerate(rows):
        height = int(plot_height * max(value, 0) / largest)
        bars.append(Bar(label=label, value=value, x=LEFT + index * slot + GAP // 2, y=TOP + plot_height - height,
                        width=width, height=height))
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "baseline": HEIGHT - BOTTOM}
