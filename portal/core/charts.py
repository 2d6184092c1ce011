"""Server-side bar charts (SVG geometry), shared by knowledge's figures and network's summaries."""

import uuid
from decimal import Decimal

BAR_HEIGHT = 18
ROW_HEIGHT = 46
CHART_WIDTH = 320
VALUE_SPACE = 48


def bar_chart(rows):
    """Geometry of a horizontal bar chart for (label, number) rows, drawn as SVG by
    templates/includes/bar_chart.html; bars scale to the largest number."""
    values = [Decimal(str(number or 0)) for _label, number in rows]
    largest = max(values, default=0) or 1
    bar_space = CHART_WIDTH - VALUE_SPACE
    bars = []
    for index, ((label, _number), number) in enumerate(zip(rows, values, strict=True)):
        top = index * ROW_HEIGHT
        width = round(float(number / largest) * bar_space, 1)
        bars.append(
            {
                "label": label,
                "value": number,
                "label_y": top + 14,
                "bar_y": top + 20,
                "width": max(width, 1),
                "value_x": max(width, 1) + 6,
                "value_y": top + 20 + BAR_HEIGHT - 4,
            }
        )
    return {
        "id": f"chart-{uuid.uuid4().hex[:8]}",
        "width": CHART_WIDTH,
        "height": len(rows) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
        "bars": bars,
    }
