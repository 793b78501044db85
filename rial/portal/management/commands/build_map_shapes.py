"""Convert Natural Earth's country shapes (TopoJSON from the `world-atlas` npm package) into the simplified,
projected outlines of the Americas that the portal draws its maps from (`rial/portal/data/americas.json`).

Run once when the shapes should change; the result is committed, so the platform never fetches anything:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python manage.py build_map_shapes package/countries-50m.json
"""

import json
import math
from pathlib import Path

from django.core.management.base import BaseCommand

from rial.portal.atlas import HEIGHT, NUMERIC_TO_ISO2, SHAPES_FILE, WIDTH, project

# The part of the globe drawn: the Americas from the Bering Strait to Cape Horn and Greenland.
WEST, EAST, SOUTH, NORTH = -170.0, -25.0, -57.0, 84.0
# Douglas-Peucker tolerance and the smallest island kept, in units of the 1000-wide drawing.
TOLERANCE = 0.6
SMALLEST_AREA = 1.5


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are quantized and delta-encoded: undo both to get longitude/latitude points."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (long coastlines would exceed the recursion limit)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length < 1e-9:  # a closed ring starts where it ends: measure from that point
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def area_and_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        xs, ys = zip(*points, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def build(topology: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        kept = []
        for polygon in polygons:
            outer = ring_points(polygon[0], arcs)
            lon = sum(p[0] for p in outer) / len(outer)
            lat = sum(p[1] for p in outer) / len(outer)
            if max(p[0] for p in outer) > -10:
                continue  # a shape reaching Europe or Asia (Russia across the date line)
            if not (WEST <= lon <= EAST - 3 and SOUTH <= lat <= NORTH) or (lon < -120 and lat < 15):
                continue  # e.g. France outside French Guiana, Russia's far east, Cabo Verde, the Pacific islands
            rings = [simplify([project(*p) for p in ring_points(ring, arcs)], TOLERANCE) for ring in polygon]
            area, cx, cy = area_and_centroid(rings[0])
            kept.append((area, cx, cy, rings))
        if not kept:
            continue
        kept.sort(key=lambda item: -item[0])
        largest = kept[0]
        # Tiny islands vanish at this scale, except a country's largest one: small states stay on the map.
        kept = [largest] + [item for item in kept[1:] if item[0] >= SMALLEST_AREA]
        path = " ".join(
            "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z"
            for _, _, _, rings in kept for ring in rings if len(ring) >= 3)
        code = str(geometry.get("id", ""))
        shapes.append({"id": code, "iso2": NUMERIC_TO_ISO2.get(code, ""), "name": geometry["properties"]["name"],
                       "area": round(sum(item[0] for item in kept), 1),
                       "x": round(largest[1], 1), "y": round(largest[2], 1), "d": path})
    return sorted(shapes, key=lambda shape: shape["name"])


class Command(BaseCommand):
    help = "Build rial/portal/data/americas.json from world-atlas's countries TopoJSON."

    def add_arguments(self, parser):
        parser.add_argument("topojson", type=Path)

    def handle(self, *args, topojson: Path, **options):
        shapes = build(json.loads(topojson.read_text()))
        payload = {"source": "Natural Earth 1:50m admin-0 countries (public domain), via world-atlas 2.0.2 "
                             "(ISC licence, Michael Bostock); projected and simplified by build_map_shapes",
                   "width": WIDTH, "height": HEIGHT, "countries": shapes}
        SHAPES_FILE.write_text(json.dumps(payload, separators=(",", ":"), ensure_ascii=False))
        self.stdout.write(f"{len(shapes)} shapes, {SHAPES_FILE.stat().st_size // 1024} KB → {SHAPES_FILE}")
