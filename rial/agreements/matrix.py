"""The coverage matrix (every member state against every other) and the tile map of the hemisphere.

Both come from :func:`rial.agreements.coverage.pair_table`, so the page runs the same few queries
whatever the number of agreements or parties.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from rial.agreements.coverage import COVERED, COVERED_UNCERTAIN, NONE, PENDING, pair_table
from rial.directory.models import Country

# What each state of a cell means, with a symbol so that colour is never the only signal.
STATES = {
    COVERED: ("✓", _("covered")),
    COVERED_UNCERTAIN: ("?", _("covered, but a date or status is unconfirmed")),
    PENDING: ("○", _("both are parties to an agreement that does not apply on this date")),
    NONE: ("·", _("no agreement")),
}

# A tile map drawn by hand: (column, row) of each country, roughly where it lies in the hemisphere.
TILES = {
    "CA": (3, 0), "US": (3, 1), "MX": (2, 2), "BS": (5, 2), "MS": (9, 2),
    "GT": (2, 3), "BZ": (3, 3), "CU": (4, 3), "HT": (5, 3), "DO": (6, 3), "KN": (8, 3), "AG": (9, 3),
    "SV": (2, 4), "HN": (3, 4), "JM": (4, 4), "DM": (9, 4),
    "NI": (3, 5), "LC": (9, 5),
    "CR": (3, 6), "PA": (4, 6), "TT": (6, 6), "VC": (8, 6), "BB": (9, 6),
    "EC": (3, 7), "CO": (4, 7), "VE": (5, 7), "GY": (6, 7), "SR": (7, 7), "GD": (8, 7),
    "PE": (3, 8), "BO": (4, 8), "BR": (5, 8),
    "CL": (3, 9), "PY": (4, 9),
    "AR": (4, 10), "UY": (5, 10),
}
TILE, GAP = 52, 6
LEFT = min(column for column, _row in TILES.values())


@dataclass(frozen=True)
class Cell:
    row: Country
    column: Country
    state: str
    titles: tuple[str, ...]

    @property
    def symbol(self) -> str:
        return STATES[self.state][0]

    @property
    def label(self) -> str:
        return STATES[self.state][1]


@dataclass(frozen=True)
class Tile:
    country: Country
    x: int
    y: int
    state: str      # relative to the focused country, or the breadth class without focus
    count: int      # member states it is covered with on the date
    text: str       # what the tile says besides the code

    @property
    def cx(self) -> int:
        return self.x + TILE // 2


def breadth_class(count: int) -> str:
    if count == 0:
        return "breadth-0"
    if count <= 3:
        return "breadth-1"
    if count <= 9:
        return "breadth-2"
    return "breadth-3"


def build(on: datetime.date, focus: str = "") -> dict:
    table = pair_table(on)
    countries = list(Country.objects.filter(kind=Country.Kind.MEMBER_STATE).order_by("name"))
    mapped = list(Country.objects.filter(iso2__in=TILES).order_by("name"))

    def state(a: str, b: str) -> tuple[str, tuple[str, ...]]:
        cell = table.get(frozenset((a, b)))
        if cell is None:
            return NONE, ()
        titles = tuple(f.agreement.title for f in cell["findings"] if f.applies or cell["state"] == PENDING)
        return cell["state"], titles

    rows = []
    for row in countries:
        cells = []
        for column in countries:
            if row.pk == column.pk:
                cells.append(None)
                continue
            cell_state, titles = state(row.iso2, column.iso2)
            cells.append(Cell(row, column, cell_state, titles))
        rows.append((row, cells))

    member_codes = [c.iso2 for c in countries]
    tiles = []
    for country in mapped:
        col, line = TILES[country.iso2]
        count = sum(1 for other in member_codes if other != country.iso2
                    and state(country.iso2, other)[0] in (COVERED, COVERED_UNCERTAIN))
        if focus:
            tile_state = "focus" if country.iso2 == focus else state(focus, country.iso2)[0]
            text = STATES[tile_state][0] if tile_state in STATES else "★"
        else:
            tile_state, text = breadth_class(count), str(count)
        tiles.append(Tile(country, (col - LEFT) * (TILE + GAP), line * (TILE + GAP), tile_state, count, text))
    width = (max(c for c, _ in TILES.values()) - LEFT + 1) * (TILE + GAP)
    height = (max(r for _, r in TILES.values()) + 1) * (TILE + GAP)
    return {"countries": countries, "rows": rows, "tiles": tiles, "width": width, "height": height,
            "states": [(key, symbol, label) for key, (symbol, label) in STATES.items()], "tile_size": TILE}
