"""Protocol dialogs: preview, drawn signatures, PAdES signing, HR bulk export, verification."""
