"""Maps of the Americas drawn on the server as SVG, from shapes shipped with the project.

The shapes (`data/americas.json`) are Natural Earth's countries, projected once to a 1000-unit-wide
equirectangular drawing and simplified by `manage.py build_map_shapes`. A map is a template
(`portal/_map.html`) fed by `choropleth()`: each country gets a shade class by its value, flows become
curves between countries, and the same figures are returned as rows for the table every map carries,
so nothing is told by colour alone.
"""

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext_lazy as _

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "americas.json"
WEST, EAST, SOUTH, NORTH = -170.0, -25.0, -57.0, 84.0
PARALLEL = math.cos(math.radians(20))  # true scale at 20°N keeps Mexico-to-Brazil shapes recognisable
WIDTH = 1000
SCALE = WIDTH / ((EAST - WEST) * PARALLEL)
HEIGHT = round((NORTH - SOUTH) * SCALE)
SHADES = 5  # CSS classes map-shade-1 … map-shade-5
# Below this drawn area a country is also marked with a dot, so Caribbean states can be seen and pointed at.
SMALL_STATE_AREA = 60.0

# ISO 3166-1 numeric (Natural Earth's ids) → the alpha-2 codes of the directory, for the Americas.
NUMERIC_TO_ISO2 = {
    "028": "AG", "032": "AR", "044": "BS", "052": "BB", "084": "BZ", "068": "BO", "076": "BR", "124": "CA",
    "152": "CL", "170": "CO", "188": "CR", "192": "CU", "212": "DM", "214": "DO", "218": "EC", "222": "SV",
    "308": "GD", "320": "GT", "328": "GY", "332": "HT", "340": "HN", "388": "JM", "484": "MX", "558": "NI",
    "591": "PA", "600": "PY", "604": "PE", "659": "KN", "662": "LC", "670": "VC", "740": "SR", "780": "TT",
    "840": "US", "858": "UY", "862": "VE", "500": "MS",
}

# Shapes outside the directory (territories, other states' lands in the Americas) carry Natural Earth's
# abbreviated English names; a reader sees them in the page's language.
OTHER_NAMES = {
    "Anguilla": _("Anguilla"), "Aruba": _("Aruba"), "Bermuda": _("Bermuda"),
    "British Virgin Is.": _("British Virgin Islands"), "Cayman Is.": _("Cayman Islands"),
    "Curaçao": _("Curaçao"), "Falkland Is.": _("Falkland Islands (Malvinas)"), "France": _("France"),
    "Greenland": _("Greenland"), "Netherlands": _("Netherlands"), "Portugal": _("Portugal"),
    "Puerto Rico": _("Puerto Rico"), "S. Geo. and the Is.": _("South Georgia and the South Sandwich Islands"),
    "Sint Maarten": _("Sint Maarten"), "St-Barthélemy": _("Saint Barthélemy"), "St-Martin": _("Saint Martin"),
    "St. Pierre and Miquelon": _("Saint Pierre and Miquelon"), "Turks and Caicos Is.": _("Turks and Caicos Islands"),
    "U.S. Virgin Is.": _("United States Virgin Islands"),
}


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * PARALLEL * SCALE, (NORTH - lat) * SCALE


@functools.cache
def shapes() -> dict:
    return json.loads(SHAPES_FILE.read_text())


@dataclass
class Shape:
    iso2: str
    name: str
    d: str
    x: float
    y: float
    small: bool
    shade: int = 0  # 0: no value; 1..SHADES: darker is more
    value: object = None
    highlighted: bool = False


@dataclass
class Flow:
    source: str
    target: str
    count: int
    path: str
    width: float


@dataclass
class Map:
    title: str
    description: str
    width: int
    height: int
    countries: list[Shape]
    flows: list[Flow] = field(default_factory=list)
    rows: list[tuple[str, object]] = field(default_factory=list)  # the table behind the map
    flow_rows: list[tuple[str, str, int]] = field(default_factory=list)
    legend: list[tuple[int, str]] = field(default_factory=list)
    html: str = ""  # the map and its table as drawn by portal/_map.html (glance.drawn fills it)


def shade(value, maximum) -> int:
    if not value or not maximum:
        return 0
    return max(1, math.ceil(SHADES * float(value) / float(maximum)))


def curve(a: Shape, b: Shape) -> str:
    """A quadratic curve bowed to one side, so flows both ways between two countries stay apart."""
    mx, my = (a.x + b.x) / 2, (a.y + b.y) / 2
    dx, dy = b.x - a.x, b.y - a.y
    bend = 0.2
    return f"M{a.x:.1f},{a.y:.1f} Q{mx - dy * bend:.1f},{my + dx * bend:.1f} {b.x:.1f},{b.y:.1f}"


def choropleth(*, title: str, description: str, values: dict[str, object] | None = None,
               flows: dict[tuple[str, str], int] | None = None, names: dict[str, str] | None = None,
               highlight: str = "", format_value=str) -> Map:
    """A map of the Americas: `values` by ISO code shade the countries, `flows` (from, to) → count draw curves.

    `names` gives the countries' names in the reader's language (the shapes only know English ones).
    """
    values, flows, names = values or {}, flows or {}, names or {}
    data = shapes()
    maximum = max((v for v in values.values() if v), default=0)
    countries = []
    for entry in data["countries"]:
        iso2 = entry["iso2"]
        value = values.get(iso2)
        name = names.get(iso2) or str(OTHER_NAMES.get(entry["name"], entry["name"]))
        countries.append(Shape(iso2=iso2, name=name, d=entry["d"], x=entry["x"],
                               y=entry["y"], small=bool(iso2) and entry["area"] < SMALL_STATE_AREA,
                               shade=shade(value, maximum), value=value, highlighted=bool(highlight) and
                               iso2 == highlight))
    by_code = {shape.iso2: shape for shape in countries if shape.iso2}
    busiest = max(flows.values(), default=0)
    # Thinner curves first (the busier ones are drawn over them); ties in the order of their countries' codes, so
    # the same records always give the same drawing whatever order the database grouped them in.
    drawn = [Flow(source=a, target=b, count=count, path=curve(by_code[a], by_code[b]),
                  width=round(1 + 4 * count / busiest, 1))
             for (a, b), count in sorted(flows.items(), key=lambda item: (item[1], item[0]))
             if a in by_code and b in by_code and a != b]
    rows = sorted(((by_code[code].name if code in by_code else names.get(code, code), value)
                   for code, value in values.items() if value), key=lambda row: row[0])
    flow_rows = sorted(((by_code[f.source].name, by_code[f.target].name, f.count) for f in drawn),
                       key=lambda row: (-row[2], row[0], row[1]))
    legend = [(step, format_value(maximum * step / SHADES)) for step in range(1, SHADES + 1)] if maximum else []
    return Map(title=title, description=description, width=data["width"], height=data["height"],
               countries=countries, flows=drawn, rows=rows, flow_rows=flow_rows, legend=legend)
