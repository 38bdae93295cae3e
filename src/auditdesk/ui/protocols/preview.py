"""A PDF preview: the pages rendered to images with pypdfium2 (a small wheel with PDFium),
stacked in a scroll area, with zoom. Rendering runs on a worker when the preview has a
TaskRunner (issue 14: a protocol's pages took ~0.2 s on the GUI thread); a QImage may be made
off the GUI thread, the pixmaps are made on it."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from auditdesk.ui.tasks import TaskRunner

_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one document at a time


def render_pages(pdf: bytes, scale: float = 1.25) -> list[QImage]:
    """Every page as an image (scale 1.0 = 72 dpi). Safe on a worker thread."""
    with _PDFIUM:
        return _render(pdf, scale)


def _render(pdf: bytes, scale: float) -> list[QImage]:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(pdf)
    # a signature stamp is the appearance of a form field: PDFium draws fields only once
    # the document's forms are set up (without it a signed protocol showed no stamp)
    document.init_forms()
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=scale)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(
                data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888
            ).copy()
            images.append(image)
            page.close()
        return images
    finally:
        document.close()


class PdfPreview(QScrollArea):
    """Shows a PDF's pages one under another; Ctrl++ / Ctrl+- zoom."""

    shown = Signal()  # the pages of the latest PDF or zoom are on screen

    def __init__(self, parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._generation = 0  # of the renderings asked for: only the latest one is shown
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._pdf = b""
        self.scale = 1.15
        self.page_labels: list[QLabel] = []
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._layout.setSpacing(12)
        self.setWidget(self._inner)
        self.setBackgroundRole(self.backgroundRole())
        self.setAccessibleName(self.tr("Protocol preview"))
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom(1.2))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom(1 / 1.2))

    @property
    def page_count(self) -> int:
        return len(self.page_labels)

    def set_pdf(self, pdf: bytes, images: list[QImage] | None = None) -> None:
        """Shows the PDF; `images` are its pages already rendered at this scale (on a worker)."""
        self._pdf = pdf
        if images is not None:
            self._generation += 1
            self._show(images)
        else:
            self._render()

    def zoom(self, factor: float) -> None:
        self.scale = min(max(self.scale * factor, 0.5), 4.0)
        if self._pdf:
            self._render()

    def _render(self) -> None:
        self._generation += 1
        generation, pdf, scale = self._generation, self._pdf, self.scale
        if self.runner is None:
            self._show(render_pages(pdf, scale))
            return

        def done(images: list[QImage]) -> None:
            if generation == self._generation:
                self._show(images)

        self.runner.submit(
            lambda _p: render_pages(pdf, scale),
            done,
            lambda exc, _tb: self.setToolTip(str(exc)),
        )

    def _show(self, images: list[QImage]) -> None:
        for label in self.page_labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            self._layout.addWidget(label)
            self.page_labels.append(label)
        self.shown.emit()
