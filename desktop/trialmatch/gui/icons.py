"""Verdict and criterion badges drawn in code: a shape and a glyph, so meaning never rests on colour alone.

Drawn at several sizes (and at the screen's device pixel ratio by Qt when it scales) so they stay sharp on
high-DPI screens without shipping image files.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from trialmatch.domain.evaluation import Verdict

_SIZES = (16, 20, 24, 32, 48, 64)

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
_GREEN = QColor(0, 158, 115)
_AMBER = QColor(230, 159, 0)
_RED = QColor(213, 94, 0)
_BLUE = QColor(0, 114, 178)


def _check(size: float) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(size * 0.28, size * 0.52)
    path.lineTo(size * 0.44, size * 0.68)
    path.lineTo(size * 0.73, size * 0.34)
    return path


def _cross(size: float) -> QPainterPath:
    path = QPainterPath()
    a, b = size * 0.33, size * 0.67
    path.moveTo(a, a)
    path.lineTo(b, b)
    path.moveTo(b, a)
    path.lineTo(a, b)
    return path


def _draw(size: int, shape: str, colour: QColor, glyph: str) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    inset = size * 0.06
    box = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    if shape == "circle":
        painter.drawEllipse(box)
    elif shape == "diamond":
        centre = box.center()
        half = box.width() / 2
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - half),
                    QPointF(centre.x() + half, centre.y()),
                    QPointF(centre.x(), centre.y() + half),
                    QPointF(centre.x() - half, centre.y()),
                ]
            )
        )
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(box.center().x(), box.top()),
                    QPointF(box.right(), box.bottom()),
                    QPointF(box.left(), box.bottom()),
                ]
            )
        )
    else:
        painter.drawRoundedRect(box, size * 0.14, size * 0.14)
    pen = QPen(QColor("white"), max(1.5, size * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if glyph == "check":
        painter.drawPath(_check(size))
    elif glyph == "cross":
        painter.drawPath(_cross(size))
    else:
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(8, round(size * 0.62)))
        painter.setFont(font)
        # In a triangle the glyph sits low, where the shape is wide enough to hold it.
        top = size * 0.18 if shape == "triangle" else 0
        painter.drawText(QRectF(0, top, size, size - top), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


def _icon(shape: str, colour: QColor, glyph: str) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(_draw(size, shape, colour, glyph))
    return icon


@dataclass(frozen=True, slots=True)
class Icons:
    """Built once per application (a QGuiApplication must exist) and handed round through the context."""

    verdict: dict[Verdict, QIcon]
    near_miss: QIcon
    app: QIcon

    @classmethod
    def build(cls) -> Icons:
        eligible = _icon("circle", _GREEN, "check")
        # Not a diamond with "?": at 16 px that is the replacement character "�" and reads as broken text.
        possible = _icon("triangle", _AMBER, "?")
        ineligible = _icon("square", _RED, "cross")
        return cls(
            verdict={Verdict.ELIGIBLE: eligible, Verdict.POSSIBLE: possible, Verdict.INELIGIBLE: ineligible},
            near_miss=_icon("diamond", _AMBER, "!"),
            app=_icon("circle", _BLUE, "check"),
        )
