"""A PDF preview: the pages rendered to images with pypdfium2 (a small wheel with PDFium),
stacked in a scroll area, with zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def render_pages(pdf: bytes, scale: float = 1.25) -> list[QImage]:
    """Every page as an image (scale 1.0 = 72 dpi)."""
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def set_pdf(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._show()

    def zoom(self, factor: float) -> None:
        self.scale = min(max(self.scale * factor, 0.5), 4.0)
        if self._pdf:
            self._show()

    def _show(self) -> None:
        for label in self.page_labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        for number, image in enumerate(render_pages(self._pdf, self.scale), start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            self._layout.addWidget(label)
            self.page_labels.append(label)
