"""The match report on paper or as a PDF, laid out by QTextDocument from the HTML app.report builds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from trialmatch import __version__

REPORT_TITLE = "TrialMatch report"


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, REPORT_TITLE)
    return document


def _print(html: str, device: QPagedPaintDevice) -> None:
    document = _document(html)
    document.print_(device)


def print_report(html: str, printer: QPrinter) -> None:
    _print(html, printer)


def export_pdf(html: str, path: Path) -> None:
    """Write the report as an A4 PDF, replacing ``path`` only once complete; OSError if it cannot."""
    partial = path.with_name(f".{path.name}.partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(REPORT_TITLE)
    writer.setCreator(f"TrialMatch {__version__}")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    _print(html, writer)
    del writer  # the file is complete once the writer is gone
    if not partial.is_file() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise OSError(f"{path}: the PDF could not be written there")
    partial.replace(path)
