"""The patient panel: keyboard-first entry of one patient, validated by the engine as it is typed.

Every widget holds what the clinician typed, valid or not. On each edit the panel assembles the raw form as a
format-v1 document, lets ``load_patient`` judge it, and marks each field the engine names (icon, tooltip and
a line in the problems strip) without touching the text. ``patientEdited`` then carries the validated patient
(or None), the problems and the raw document, which is also what the crash-recovery draft stores.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeGuard

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trialmatch.domain.analytes import resolve_analyte
from trialmatch.domain.lexicon import Concept
from trialmatch.domain.patient import PATIENT_FORMAT, FieldProblem, Patient, PatientError, load_patient
from trialmatch.gui.findings import FindingsPanel
from trialmatch.gui.lab_grid import (
    LAB_FIELDS,
    TEST,
    LabGrid,
    LabGridModel,
    LabRow,
    RowsTableView,
    number_or_text,
    text_of,
)
from trialmatch.gui.paste_labs import PasteLabsDialog
from trialmatch.gui.treatments import NAME, TREATMENT_FIELDS, TreatmentRow, TreatmentsModel, TreatmentsTable

DOCUMENT_ORDER = tuple(Patient.model_fields)
"""Format-v1 fields in the order a patient file lists them: the model's, so a new field cannot be left out."""

SEX_CHOICES = (("—", ""), ("Female", "female"), ("Male", "male"))

NUMBER_FIELDS = frozenset({"age", "weight_kg", "height_cm", "ecog", "karnofsky"})

FIELD_LABELS = {
    "format": "File format",
    "as_of": "As-of date",
    "age": "Age",
    "birth_date": "Date of birth",
    "sex": "Sex",
    "weight_kg": "Weight",
    "height_cm": "Height",
    "ecog": "ECOG",
    "karnofsky": "Karnofsky",
    "diagnosis": "Diagnosis",
    "stage": "Stage",
    "findings": "Findings",
    "labs": "Labs",
    "treatments": "Prior treatments",
    "location": "Clinic location",
}

PROBLEM_LINES_SHOWN = 5
"""Lines of the problems strip visible at once; more scroll."""

_ITEM = re.compile(r"^(labs|treatments)\[(\d+)\](?:\.(\w+))?$")


@dataclass(frozen=True, slots=True)
class PanelState:
    """What one edit produced: the patient if the form is valid, the engine's problems, the raw form."""

    patient: Patient | None
    problems: list[FieldProblem] = field(default_factory=list)
    document: dict[str, object] = field(default_factory=dict)


def _contains_completer(items: Sequence[str], parent: QWidget) -> QCompleter:
    """Case-insensitive completion on any part of the text: "melan" offers "Metastatic melanoma"."""
    completer = QCompleter(QStringListModel(list(items), parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


class _Marker(QLabel):
    """The warning icon beside a field the engine complains about; its space is kept when hidden."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.setPixmap(icon.pixmap(size, size))
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()


class PatientPanel(QWidget):
    """Patient entry. Build with plain data; the main window connects ``patientEdited`` (and debounces)."""

    patientEdited = Signal(object)
    """Carries a :class:`PanelState` after every edit."""

    def __init__(
        self,
        conditions: Sequence[str],
        cities: Sequence[str],
        concepts: Sequence[Concept],
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._loading = False
        self._extra: dict[str, object] = {}
        self._format: object = PATIENT_FORMAT
        self._state = PanelState(None)
        self._field_problems: dict[str, str] = {}
        self._problem_lines: list[tuple[str, str]] = []

        content = QWidget(self)
        self.problems_list = QListWidget(content)
        self.problems_list.setAccessibleName("Problems")
        self.problems_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.problems_list.setWordWrap(True)
        self.problems_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_list.itemActivated.connect(self._go_to_problem)
        self.problems_list.hide()

        self.age = QLineEdit(content)
        self.age.setPlaceholderText("years")
        self.birth_date = QLineEdit(content)
        self.birth_date.setPlaceholderText("YYYY-MM-DD (instead of age)")
        self.sex = QComboBox(content)
        for shown, value in SEX_CHOICES:
            self.sex.addItem(shown, value)
        self.weight_kg = QLineEdit(content)
        self.weight_kg.setPlaceholderText("kg")
        self.height_cm = QLineEdit(content)
        self.height_cm.setPlaceholderText("cm")
        self.diagnosis = QLineEdit(content)
        self.diagnosis.setPlaceholderText("e.g. metastatic melanoma")
        self.diagnosis.setCompleter(_contains_completer(conditions, self.diagnosis))
        self.stage = QLineEdit(content)
        self.stage.setPlaceholderText("e.g. IV, IIIB, extensive")
        self.ecog = QLineEdit(content)
        self.ecog.setPlaceholderText("0–5 (or Karnofsky)")
        self.karnofsky = QLineEdit(content)
        self.karnofsky.setPlaceholderText("0–100 in steps of 10 (or ECOG)")
        self.location = QLineEdit(content)
        self.location.setPlaceholderText("city, country")
        self.location.setCompleter(_contains_completer(cities, self.location))
        self.as_of = QLineEdit(content)
        self.as_of.setPlaceholderText("YYYY-MM-DD (empty: today)")
        self.as_of.setText(today().isoformat())

        self._fields: dict[str, QWidget] = {
            "age": self.age,
            "birth_date": self.birth_date,
            "sex": self.sex,
            "weight_kg": self.weight_kg,
            "height_cm": self.height_cm,
            "diagnosis": self.diagnosis,
            "stage": self.stage,
            "ecog": self.ecog,
            "karnofsky": self.karnofsky,
            "location": self.location,
            "as_of": self.as_of,
        }
        self.markers = {name: _Marker(content) for name in self._fields}
        form = QFormLayout()
        mnemonics = {
            "age": "&Age:",
            "birth_date": "Date of &birth:",
            "sex": "&Sex:",
            "weight_kg": "&Weight (kg):",
            "height_cm": "Height (c&m):",
            "diagnosis": "&Diagnosis:",
            "stage": "Sta&ge:",
            "ecog": "E&COG:",
            "karnofsky": "&Karnofsky:",
            "location": "Clinic locatio&n:",
            "as_of": "As-&of date:",
        }
        for name, widget in self._fields.items():
            label = QLabel(mnemonics[name], content)
            label.setBuddy(widget)
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(self.markers[name])
            form.addRow(label, row)

        self.labs_model = LabGridModel(self)
        self.labs_view = LabGrid(self.labs_model, content)
        labs_label = QLabel("&Labs (Ctrl+L):", content)
        labs_label.setBuddy(self.labs_view)
        self.paste_button = QPushButton("Pas&te labs…", content)
        self.paste_button.setAutoDefault(False)
        self.paste_button.clicked.connect(self.open_paste_labs)
        self.paste_dialog: PasteLabsDialog | None = None
        labs_box = QGroupBox(content)
        labs_header = QHBoxLayout()
        labs_header.addWidget(labs_label)
        labs_header.addStretch(1)
        labs_header.addWidget(self.paste_button)
        labs_layout = QVBoxLayout(labs_box)
        labs_layout.addLayout(labs_header)
        labs_layout.addWidget(self.labs_view)
        hint = QLabel("Insert adds a row, Delete removes it; limits in italics are defaults.", labs_box)
        hint.setWordWrap(True)
        labs_layout.addWidget(hint)

        self.findings = FindingsPanel(concepts, content)
        findings_box = QGroupBox(content)
        QVBoxLayout(findings_box).addWidget(self.findings)

        self.treatments_model = TreatmentsModel(self)
        self.treatments_view = TreatmentsTable(self.treatments_model, content)
        treatments_label = QLabel("&Prior treatments:", content)
        treatments_label.setBuddy(self.treatments_view)
        treatments_box = QGroupBox(content)
        treatments_layout = QVBoxLayout(treatments_box)
        treatments_layout.addWidget(treatments_label)
        treatments_layout.addWidget(self.treatments_view)

        layout = QVBoxLayout(content)
        layout.addWidget(self.problems_list)
        layout.addLayout(form)
        layout.addWidget(labs_box)
        layout.addWidget(findings_box)
        layout.addWidget(treatments_box)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        order: list[QWidget] = [
            self.problems_list,
            *self._fields.values(),
            self.labs_view,
            self.paste_button,
            self.findings.filter,
            self.findings.view,
            self.findings.term,
            self.findings.add_button,
            self.treatments_view,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        for widget in self._fields.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._changed)
        self.sex.currentIndexChanged.connect(self._changed)
        self.labs_model.edited.connect(self._changed)
        self.treatments_model.edited.connect(self._changed)
        self.findings.edited.connect(self._changed)
        self._validate()

    # -- public API -----------------------------------------------------------------------------------
    def state(self) -> PanelState:
        return self._state

    def document(self) -> dict[str, object]:
        """The form as a format-v1 document; invalid input is kept (as typed text when not a number)."""
        values: dict[str, object] = {"format": self._format}
        for name, widget in self._fields.items():
            if isinstance(widget, QLineEdit):
                text = widget.text().strip()
                value = number_or_text(text) if name in NUMBER_FIELDS else text or None
            else:
                value = self.sex.currentData() or None
            if value is not None:
                values[name] = value
        findings = self.findings.findings()
        labs, _ = self.labs_model.entries()
        treatments, _ = self.treatments_model.entries()
        for name, items in (("findings", findings), ("labs", labs), ("treatments", treatments)):
            if items:
                values[name] = items
        document = {name: values[name] for name in DOCUMENT_ORDER if name in values}
        document.update((k, v) for k, v in self._extra.items() if k not in document)
        return document

    def set_document(self, document: Mapping[str, object]) -> None:
        """Fill every widget from a patient file (format v1), then emit one ``patientEdited``.

        Fields the form has no widget for are kept and written back, so the engine still reports them.
        """
        self._loading = True
        try:
            for name, widget in self._fields.items():
                if isinstance(widget, QLineEdit):
                    widget.setText(text_of(document.get(name)))
            self._set_sex(document.get("sex"))
            findings = document.get("findings", {})
            labs = document.get("labs", [])
            treatments = document.get("treatments", [])
            handled = {"format", *self._fields}
            # A section of the wrong shape ("labs": {"ANC": 2.1}) stays as it is, for the engine to name.
            if isinstance(findings, Mapping):
                handled.add("findings")
            self.findings.set_findings(findings if isinstance(findings, Mapping) else {})
            if _is_entry_list(labs):
                handled.add("labs")
            self.labs_model.set_rows([LabRow.from_entry(e) for e in labs] if _is_entry_list(labs) else [])
            if _is_entry_list(treatments):
                handled.add("treatments")
            self.treatments_model.set_rows(
                [TreatmentRow.from_entry(e) for e in treatments] if _is_entry_list(treatments) else []
            )
            self._extra = {k: v for k, v in document.items() if k not in handled}
            self._format = document.get("format", PATIENT_FORMAT)
        finally:
            self._loading = False
        self._changed()

    def clear(self) -> None:
        """A new, empty patient assessed today."""
        self.set_document({"format": PATIENT_FORMAT, "as_of": self._today().isoformat()})

    def focus_labs(self) -> None:
        """Put the cursor in the lab grid's empty row (the main window binds Ctrl+L to this)."""
        self.labs_view.focus_first_empty()

    def merge_labs(self, rows: Sequence[LabRow]) -> None:
        """Add read labs: a row for the same test is replaced (the newer reading wins), others appended."""
        current = self.labs_model.lab_rows()
        appended: list[LabRow] = []
        for incoming in rows:
            analyte = incoming.analyte
            same = next(
                (i for i, r in enumerate(current) if analyte is not None and r.analyte == analyte), None
            )
            if same is None:
                appended.append(incoming)
            else:
                current[same] = incoming
                self.labs_model.replace_row(same, incoming)
        self.labs_model.append_rows(appended)

    def open_paste_labs(self) -> None:
        """Open the paste dialog (window-modal, not blocking); OK merges what it read into the grid."""
        dialog = PasteLabsDialog(self)
        dialog.accepted.connect(lambda: self.merge_labs(dialog.lab_rows()))
        dialog.finished.connect(dialog.deleteLater)
        self.paste_dialog = dialog
        dialog.open()

    # -- validation -----------------------------------------------------------------------------------
    def _set_sex(self, value: object) -> None:
        """Select the file's answer; one the format does not know ("woman") is shown as written, not lost."""
        while self.sex.count() > len(SEX_CHOICES):
            self.sex.removeItem(len(SEX_CHOICES))
        text = text_of(value)
        found = self.sex.findData(text)
        if found < 0:
            self.sex.addItem(text, text)
            found = self.sex.count() - 1
        self.sex.setCurrentIndex(found)

    def _changed(self) -> None:
        if self._loading:
            return
        self._validate()
        self.patientEdited.emit(self._state)

    def _validate(self) -> None:
        document = self.document()
        try:
            patient: Patient | None = load_patient(document)
            problems: list[FieldProblem] = []
        except PatientError as error:
            patient, problems = None, list(error.problems)
        self._state = PanelState(patient, problems, document)
        self._show_problems(problems)

    def _show_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Mark what the engine names, touching only what changed since the last edit (typing stays cheap)."""
        fields: dict[str, str] = {}
        labs: dict[tuple[int, int], str] = {}
        treatments: dict[tuple[int, int], str] = {}
        findings: dict[str, str] = {}
        _, lab_rows = self.labs_model.entries()
        _, treatment_rows = self.treatments_model.entries()
        for problem in problems:
            item = _ITEM.match(problem.field)
            if problem.field in self._fields:
                fields.setdefault(problem.field, problem.message)
            elif item and item.group(1) == "labs":
                number = int(item.group(2))
                if number < len(lab_rows):
                    column = LAB_FIELDS.get(item.group(3) or "test", TEST)
                    labs.setdefault((lab_rows[number], column), problem.message)
            elif item:
                number = int(item.group(2))
                if number < len(treatment_rows):
                    column = TREATMENT_FIELDS.get(item.group(3) or "name", NAME)
                    treatments.setdefault((treatment_rows[number], column), problem.message)
            elif problem.field.startswith("findings."):
                findings.setdefault(problem.field.removeprefix("findings."), problem.message)
        for name, widget in self._fields.items():
            message = fields.get(name)
            if message == self._field_problems.get(name):
                continue
            self.markers[name].setVisible(message is not None)
            self.markers[name].setToolTip(message or "")
            widget.setToolTip(message or "")
            widget.setAccessibleDescription(message or "")
        self._field_problems = fields
        self.labs_model.set_problems(labs)
        self.treatments_model.set_problems(treatments)
        self.findings.model.set_problems(findings)

        lines = [
            (problem.field, f"{self._field_name(problem.field)}: {problem.message}") for problem in problems
        ]
        if lines == self._problem_lines:
            return
        self._problem_lines = lines
        self.problems_list.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for path, text in lines:
            line = QListWidgetItem(icon, text)
            line.setData(Qt.ItemDataRole.UserRole, path)
            self.problems_list.addItem(line)
        self.problems_list.setVisible(bool(lines))
        if lines:
            shown = range(min(len(lines), PROBLEM_LINES_SHOWN))
            height = sum(self.problems_list.sizeHintForRow(row) for row in shown)
            self.problems_list.setFixedHeight(height + 2 * self.problems_list.frameWidth())

    def _field_name(self, path: str) -> str:
        """A problem's field as the clinician sees it: "Lab 2 (Platelets) unit", "Finding 'HIV'"."""
        if not path:
            return "Patient file"
        item = _ITEM.match(path)
        if item:
            kind, number, part = item.group(1), int(item.group(2)), item.group(3)
            if kind == "labs":
                entries, _ = self.labs_model.entries()
                test = str(entries[number].get("test", "")) if number < len(entries) else ""
                analyte = resolve_analyte(test) if test else None
                name = f"Lab {number + 1} ({analyte.name if analyte else test})"
            else:
                treatments, _ = self.treatments_model.entries()
                title = str(treatments[number].get("name", "")) if number < len(treatments) else ""
                name = f"Treatment {number + 1} ({title})" if title else f"Treatment {number + 1}"
            return f"{name} {part}" if part else name
        if path.startswith("findings."):
            return f"Finding {path.removeprefix('findings.')!r}"
        return FIELD_LABELS.get(path, path)

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        """Enter on a problem puts the cursor on the field it names."""
        path = str(item.data(Qt.ItemDataRole.UserRole))
        if path in self._fields:
            self._fields[path].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        match = _ITEM.match(path)
        if match:
            view: RowsTableView = self.labs_view
            columns = LAB_FIELDS
            if match.group(1) == "treatments":
                view, columns = self.treatments_view, TREATMENT_FIELDS
            model = view.rows_model()
            rows = model.entries()[1]
            number = int(match.group(2))
            if number < len(rows):
                view.setFocus(Qt.FocusReason.OtherFocusReason)
                view.setCurrentIndex(model.index(rows[number], columns.get(match.group(3) or "", 0)))
            return
        if path.startswith("findings."):
            term = path.removeprefix("findings.")
            rows = [i for i, r in enumerate(self.findings.model.rows()) if r.key == term]
            if rows:
                self.findings.filter.clear()
                self.findings.view.setFocus(Qt.FocusReason.OtherFocusReason)
                self.findings.view.setCurrentIndex(
                    self.findings.proxy.mapFromSource(self.findings.model.index(rows[0], 1))
                )


def _is_entry_list(value: object) -> TypeGuard[list[Mapping[str, object]]]:
    """Whether a document section can be shown row by row; anything else is kept verbatim instead."""
    return isinstance(value, list) and all(isinstance(item, Mapping) for item in value)
