"""The network map drawn on the server: a dot per municipality and a label placed where it
overlaps no other label or dot, sized for a phone (the list below the map holds the links)."""

from dataclasses import dataclass

# The picture's box (SVG units) and the frame around Latvia (degrees), the longitude scale at
# its latitude (cos 57°).
WIDTH, HEIGHT, MARGIN = 403, 250, 2
MAP_WEST, MAP_NORTH, MAP_LON_SCALE = 20.9, 58.1, 0.545
# The labels' largest font size (static/css/portal.css, .people-map__label) and a generous
# width per character: wider for bold (the municipalities with mediators) and capitals.
FONT_SIZE = 19
CHAR_WIDTH = {"narrow": 0.32, "wide": 0.75, "other": 0.58}
NARROW, WIDE = set("iljtfrīļI.,: "), set("MWmwOQGDHNU")
BOLD_FACTOR = 1.08
ACTIVE_RADIUS, RADIUS, GAP = 7, 4, 3
# Where a label may go around its dot, tried in this order: (dx, dy) of the label box's anchor
# point in units of the dot's radius + gap, and the text anchor.
PLACES = [
    (1, 0, "start"),
    (-1, 0, "end"),
    (0, -1, "middle"),
    (0, 1, "middle"),
    (0.8, -0.8, "start"),
    (0.8, 0.8, "start"),
    (-0.8, -0.8, "end"),
    (-0.8, 0.8, "end"),
]


@dataclass
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other):
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(width, 0) * max(height, 0)

    def outside(self):
        """How much of the box lies outside the picture."""
        inside = Box(MARGIN, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN)
        return (self.right - self.left) * (self.bottom - self.top) - self.overlap(inside)


def text_width(text, bold):
    units = sum(
        CHAR_WIDTH["narrow" if c in NARROW else "wide" if c in WIDE else "other"] for c in text
    )
    return units * FONT_SIZE * (BOLD_FACTOR if bold else 1)


def label_box(x, y, width, anchor):
    """The box of a label whose text is anchored at (x, y), y the middle of its line."""
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - FONT_SIZE * 0.6, left + width, y + FONT_SIZE * 0.6)


def place_label(point, taken):
    """The first place around the dot that overlaps nothing taken and stays in the picture,
    else the one that overlaps least."""
    width = text_width(point["title"], bool(point["count"]))
    reach = point["r"] + GAP
    best = None
    for dx, dy, anchor in PLACES:
        x = point["x"] + dx * reach
        # Above or below: the line's middle half a line further than the dot's edge.
        y = point["y"] + dy * (reach + FONT_SIZE * 0.6)
        box = label_box(x, y, width, anchor)
        cost = sum(box.overlap(other) for other in taken) + box.outside() * 10
        if best is None or cost < best[0]:
            best = (cost, x, y, anchor, box)
        if cost == 0:
            break
    _cost, x, y, anchor, box = best
    taken.append(box)
    # SVG's baseline: about a third of the font size below the line's middle.
    return {
        "label_x": round(x, 1),
        "label_y": round(y + FONT_SIZE * 0.35, 1),
        "label_anchor": anchor,
        "box": box,
    }


def map_points(municipalities):
    """Dots and labels for the municipalities with coordinates (each with `mediator_count`):
    x/y in the WIDTH×HEIGHT box, longitude scaled so the shape is not stretched. Labels of the
    municipalities with mediators are placed first."""
    points = []
    for municipality in municipalities:
        if municipality.latitude is None or municipality.longitude is None:
            continue
        count = municipality.mediator_count
        points.append(
            {
                "title": municipality.title,
                "x": round((float(municipality.longitude) - MAP_WEST) * MAP_LON_SCALE * 100, 1),
                "y": round((MAP_NORTH - float(municipality.latitude)) * 100, 1),
                "count": count,
                "r": ACTIVE_RADIUS if count else RADIUS,
            }
        )
    taken = [dot_box(point) for point in points]
    for point in sorted(points, key=lambda p: (not p["count"], p["title"])):
        point.update(place_label(point, taken))
    return points


def map_frame(points):
    """The picture's height cut to its dots and labels, so a phone shows no empty sea:
    {"top", "height"} of the viewBox."""
    if not points:
        return {"top": 0, "height": HEIGHT}
    boxes = [point["box"] for point in points] + [dot_box(point) for point in points]
    top = max(min(box.top for box in boxes) - 12, 0)
    bottom = min(max(box.bottom for box in boxes) + 12, HEIGHT)
    return {"top": round(top), "height": round(bottom - top)}


def dot_box(point):
    r = point["r"]
    return Box(point["x"] - r, point["y"] - r, point["x"] + r, point["y"] + r)
